package io.dtx.walkthrough.bench;

import io.dtx.walkthrough.stack.LocalStack;
import java.io.PrintStream;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * One scenario (a number of accounts): the ceiling, naive and dtx at saturation, then dtx's
 * time-to-credit; and, when a pay instance with the outbox publisher runs beside, the same for it.
 */
final class Scenario {

    private record Run(double tps, CpuCost cpu, double compileSeconds) {}

    /** The publishers' pay instances, as {@link Benchmark} starts them beside the first. */
    static final String OUTBOX_INSTANCE = "queue-first";

    static final String BINLOG_INSTANCE = "binlog";

    /**
     * The pay instances beside the transactional one, or nulls to measure without them.
     *
     * @param outboxUrl publishing through the outbox (and paying queue-first requests)
     * @param binlogUrl writing payments only; the binlog relay runs during its runs alone, so it
     *                  publishes no other instance's payments
     */
    record Beside(String outboxUrl, String binlogUrl) {}

    private final Workloads load;
    private final LocalStack stack;
    private final CpuMeter cpu;
    private final Recordings recordings;
    private final int concurrency;
    private final PrintStream out;
    private final String outboxUrl;
    private final String binlogUrl;

    Scenario(Workloads load, LocalStack stack, Recordings recordings, int concurrency, Beside beside, PrintStream out) {
        this.load = load;
        this.outboxUrl = beside.outboxUrl();
        this.binlogUrl = beside.binlogUrl();
        this.stack = stack;
        this.cpu = new CpuMeter(stack);
        this.recordings = recordings;
        this.concurrency = concurrency;
        this.out = out;
    }

    ScenarioResult run(String name, int accountCount) {
        out.printf(
                "%n== %s (%d account%s, concurrency %d)%n",
                name, accountCount, accountCount == 1 ? "" : "s", concurrency);
        double ceiling = load.ceiling(load.accounts(name + "-ceiling", accountCount));
        out.printf("  ceiling (database commits)      %8.1f recharges/s%n", ceiling);
        Run naive = naive(load.accounts(name + "-naive", accountCount));
        Run dtx = dtx(name, load.accounts(name + "-dtx", accountCount));
        double offered = Math.max(1, dtx.tps() / 2);
        List<Long> micros = load.latency(load.accounts(name + "-latency", accountCount), offered);
        ScenarioResult.Latency latency = ScenarioResult.Latency.of(offered, micros);
        out.printf(
                "  time-to-credit at %.0f/s          p50 %.1f ms, p95 %.1f ms, p99 %.1f ms (%d payments)%n",
                offered, latency.dtxCreditMsP50(), latency.dtxCreditMsP95(), latency.dtxCreditMsP99(), micros.size());
        return new ScenarioResult(
                ScenarioResult.Throughput.of(ceiling, naive.tps(), dtx.tps()),
                naive.cpu(),
                dtx.cpu(),
                Stats.round(dtx.compileSeconds()),
                latency,
                outboxUrl == null ? null : other("outbox", Workloads.DTX, name, accountCount, dtx.tps(), offered),
                outboxUrl == null
                        ? null
                        : other("queue-first", Workloads.QUEUE_FIRST, name, accountCount, dtx.tps(), offered),
                binlogUrl == null ? null : binlog(name, accountCount, dtx.tps(), offered),
                null);
    }

    /** The outbox pay instance on {@code path}: {@code /pay/recharges} (outbox) or the queue-first requests. */
    private ScenarioResult.PublisherRun other(
            String label, String path, String name, int accountCount, double dtxTps, double offered) {
        double tps;
        List<Long> lag;
        CpuCost cost;
        try (OutboxLag sampler = new OutboxLag(load.db())) {
            List<String> accounts = load.accounts(name + "-" + label, accountCount);
            CpuMeter.Sample before = cpu.sample(stack.payBeside(OUTBOX_INSTANCE));
            long start = System.nanoTime();
            tps = load.saturation(outboxUrl, path, accounts);
            cost = CpuCost.between(
                    before, cpu.sample(stack.payBeside(OUTBOX_INSTANCE)), load.credited(accounts), since(start));
            lag = sampler.samples();
        }
        List<Long> micros =
                load.latency(outboxUrl, path, load.accounts(name + "-" + label + "-latency", accountCount), offered);
        ScenarioResult.PublisherRun run = ScenarioResult.PublisherRun.of(tps, dtxTps, micros, lag, cost);
        out.printf(
                "  %-12s %8.1f recharges/s credited (%.0f%% of dtx); outbox lag p50 %.1f ms, max %.1f ms%n",
                label, run.tps(), 100 * run.vsDtx(), run.lagMsP50(), run.lagMsMax());
        out.println(cost.line(label));
        out.printf(
                "  %-12s time-to-credit at %.0f/s: p50 %.1f ms, p99 %.1f ms (%d payments)%n",
                label, offered, run.creditMsP50(), run.creditMsP99(), micros.size());
        return run;
    }

    /**
     * The binlog publisher: the relay started afresh at the binlog's end (its position row
     * deleted, so it publishes nothing of the runs before), then throughput, the relay's lag (from
     * the broker's store times), and time-to-credit. The relay's JVM is not warmed first: its
     * figures include its JIT compiling.
     */
    private ScenarioResult.PublisherRun binlog(String name, int accountCount, double dtxTps, double offered) {
        load.db().update("dtx_relay", "DELETE FROM relay_position");
        stack.relay().start();
        try {
            List<String> accounts = load.accounts(name + "-binlog", accountCount);
            CpuMeter.Sample before = cpu.sample(stack.payBeside(BINLOG_INSTANCE));
            long start = System.nanoTime();
            double tps = load.saturation(binlogUrl, Workloads.DTX, accounts);
            CpuCost cost = CpuCost.between(
                    before, cpu.sample(stack.payBeside(BINLOG_INSTANCE)), load.credited(accounts), since(start));
            List<Long> lag = RelayLag.of(load.db(), stack.namesrvAddr(), accounts);
            List<Long> micros = load.latency(
                    binlogUrl, Workloads.DTX, load.accounts(name + "-binlog-latency", accountCount), offered);
            ScenarioResult.PublisherRun run = ScenarioResult.PublisherRun.of(tps, dtxTps, micros, lag, cost);
            out.printf(
                    "  %-12s %8.1f recharges/s credited (%.0f%% of dtx); relay lag p50 %.1f ms, p99 %.1f ms%n",
                    "binlog", run.tps(), 100 * run.vsDtx(), run.lagMsP50(), Stats.percentile(lag, 99));
            out.println(cost.line("binlog"));
            out.printf(
                    "  %-12s time-to-credit at %.0f/s: p50 %.1f ms, p99 %.1f ms (%d payments)%n",
                    "binlog", offered, run.creditMsP50(), run.creditMsP99(), micros.size());
            return run;
        } finally {
            stack.relay().stop();
        }
    }

    private static double since(long startNanos) {
        return (System.nanoTime() - startNanos) / 1e9;
    }

    private Run naive(List<String> accounts) {
        CpuMeter.Sample before = cpu.sample();
        long start = System.nanoTime();
        double tps = load.saturation(Workloads.NAIVE, accounts);
        double seconds = (System.nanoTime() - start) / 1e9;
        CpuMeter.Sample after = cpu.sample();
        out.printf("  naive (send after commit)       %8.1f recharges/s credited%n", tps);
        // Same accounting for naive, so the two designs' costs can be compared process by process.
        CpuCost cost = CpuCost.between(before, after, load.credited(accounts), seconds);
        out.println(cost.line("naive"));
        return new Run(tps, cost, 0);
    }

    private Run dtx(String scenario, List<String> accounts) {
        Duration compiledBefore = Profiler.serviceCompileTime(stack);
        CpuMeter.Sample before = cpu.sample();
        long start = System.nanoTime();
        Instant from = Instant.now();
        double tps = load.saturation(Workloads.DTX, accounts);
        Instant to = Instant.now();
        double seconds = (System.nanoTime() - start) / 1e9;
        CpuMeter.Sample after = cpu.sample();
        double compileSeconds = (Profiler.serviceCompileTime(stack).toNanos() - compiledBefore.toNanos()) / 1e9;
        out.printf("  dtx (half message + dedup)      %8.1f recharges/s credited%n", tps);
        CpuCost cost = CpuCost.between(before, after, load.credited(accounts), seconds);
        out.println(cost.line("dtx"));
        out.printf("  JIT compiling during the dtx run  %.1f s of %.1f s%n", compileSeconds, seconds);
        recordings.markDtxRun(scenario, from, to);
        return new Run(tps, cost, compileSeconds);
    }
}
