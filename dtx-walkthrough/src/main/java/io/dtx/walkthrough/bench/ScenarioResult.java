package io.dtx.walkthrough.bench;

import static io.dtx.walkthrough.bench.Stats.round;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonUnwrapped;
import java.util.List;
import java.util.Map;

/**
 * One scenario's results, under {@code many_accounts} or {@code hot_account} in the report.
 *
 * @param dtxJitCompileS JIT compile time that still fell into the dtx run: compiler threads share
 *                       the two cores with the requests
 * @param dtxProfile     with {@code --profile}: where each JVM's CPU went during the dtx run
 */
record ScenarioResult(
        @JsonUnwrapped Throughput throughput,
        CpuCost naiveCpuMsPerRecharge,
        CpuCost dtxCpuMsPerRecharge,
        double dtxJitCompileS,
        @JsonUnwrapped Latency latency,
        @JsonInclude(JsonInclude.Include.NON_NULL) PublisherRun outbox,
        @JsonInclude(JsonInclude.Include.NON_NULL) PublisherRun queueFirst,
        @JsonInclude(JsonInclude.Include.NON_NULL) PublisherRun binlog,
        @JsonInclude(JsonInclude.Include.NON_NULL) Map<String, ProfileSummary> dtxProfile) {

    ScenarioResult withDtxProfile(Map<String, ProfileSummary> profile) {
        return new ScenarioResult(
                throughput,
                naiveCpuMsPerRecharge,
                dtxCpuMsPerRecharge,
                dtxJitCompileS,
                latency,
                outbox,
                queueFirst,
                binlog,
                profile);
    }

    /**
     * Another way to publish, measured in the same run on a pay instance of its own beside the
     * transactional one ({@code outbox}: the local message table; {@code queue_first}: requests
     * written to the broker, paid on consumption, published through the table): throughput at
     * saturation, time-to-credit from the payment's commit at the same offered load as dtx's, and
     * the outbox lag (oldest unsent row) sampled during the saturation run, and the CPU each process
     * spent per credited recharge in that run (its own pay instance in the {@code pay_service}
     * column; the binlog relay's in {@code relay}).
     */
    record PublisherRun(
            double tps,
            double vsDtx,
            double creditMsP50,
            double creditMsP99,
            double lagMsP50,
            double lagMsP99,
            double lagMsMax,
            CpuCost cpuMsPerRecharge) {

        static PublisherRun of(double tps, double dtxTps, List<Long> creditMicros, List<Long> lagMicros, CpuCost cpu) {
            return new PublisherRun(
                    round(tps),
                    round(tps / dtxTps),
                    Stats.percentile(creditMicros, 50),
                    Stats.percentile(creditMicros, 99),
                    Stats.percentile(lagMicros, 50),
                    Stats.percentile(lagMicros, 99),
                    Stats.percentile(lagMicros, 100),
                    cpu);
        }
    }

    /** Recharges credited per second, each design at saturation, and dtx's share of the other two. */
    record Throughput(double ceilingTps, double naiveTps, double dtxTps, double dtxVsCeiling, double dtxVsNaive) {

        static Throughput of(double ceiling, double naive, double dtx) {
            return new Throughput(round(ceiling), round(naive), round(dtx), round(dtx / ceiling), round(dtx / naive));
        }
    }

    /** dtx's commit-to-credit time at a fixed offered load, in milliseconds. */
    record Latency(
            double latencyOfferedTps,
            int latencySamples,
            double dtxCreditMsP50,
            double dtxCreditMsP95,
            double dtxCreditMsP99) {

        static Latency of(double offeredTps, List<Long> sortedMicros) {
            return new Latency(
                    round(offeredTps),
                    sortedMicros.size(),
                    Stats.percentile(sortedMicros, 50),
                    Stats.percentile(sortedMicros, 95),
                    Stats.percentile(sortedMicros, 99));
        }
    }
}
