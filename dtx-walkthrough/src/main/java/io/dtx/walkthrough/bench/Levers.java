package io.dtx.walkthrough.bench;

import io.dtx.walkthrough.probe.Waits;
import io.dtx.walkthrough.stack.LocalStack;
import io.dtx.walkthrough.stack.Workspace;
import java.io.PrintStream;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * Levers pulled in the same run, each measured before and after on the transactional path:
 * <ol>
 *   <li>the broker restarted with the services' JVM options (C2, ParallelGC, 512 MB heap), where
 *       the sandbox starts it with C1 only, SerialGC and 384 MB, to start fast;</li>
 *   <li>crediting a batch of messages in one transaction (the account service's default) against
 *       one transaction per message ({@code ACCOUNT_CONSUME_BATCH=1}), in both scenarios, with the
 *       broker on full JIT for both sides.</li>
 * </ol>
 * Each side gets a warm-up run first. Every trial also counts what the database executed per
 * credited recharge ({@link StatementCount}).
 *
 * @param before        the baseline: many accounts, batched credits, the broker as the sandbox starts it
 * @param brokerFullJit the same after the broker's restart with the services' JVM options
 * @param hot           one hot account, batched credits, broker on full JIT
 * @param oneByOne      as {@code brokerFullJit}, with one transaction per message
 * @param hotOneByOne   as {@code hot}, with one transaction per message
 */
record Levers(Trial before, Trial brokerFullJit, Trial hot, Trial oneByOne, Trial hotOneByOne) {

    /** The account service's setting for one transaction per message: the lever's "before". */
    static final Map<String, String> ONE_BY_ONE = Map.of("ACCOUNT_CONSUME_BATCH", "1");

    /** One saturation run of the transactional path: its rate, CPU and statements per credited recharge. */
    record Trial(double tps, CpuCost cpu, Statements statements, BatchMeter.Batches batches) {}

    /**
     * What the database executed per credited recharge (MariaDB's {@code Com_*} counters, whole
     * server): {@code setOption} is mostly the driver switching autocommit off and on around each
     * transaction; {@code insert} counts {@code INSERT ... SELECT} too (the dedup claim reads the
     * retention's horizon in its insert); {@code other} is every statement of no kind listed here.
     */
    record Statements(
            double total, double insert, double update, double select, double commit, double setOption, double other) {

        String line() {
            return String.format(
                    "%.1f (insert %.1f, update %.1f, select %.1f, commit %.1f, set %.1f, other %.1f)",
                    total, insert, update, select, commit, setOption, other);
        }
    }

    static Levers measure(
            Workloads load, LocalStack stack, Workspace workspace, int accounts, Duration saturation, PrintStream out) {
        out.println("== levers: the transactional path before and after the broker runs with full JIT");
        Runs runs = new Runs(load, new CpuMeter(stack), new BatchMeter(stack, workspace), out);
        load.saturation(Workloads.DTX, load.accounts("lever-warm-before", accounts)); // after the drain's restart
        runs.statements = StatementCount.idleFor(load.db(), saturation);
        Trial before = runs.trial("before", load.accounts("lever-before", accounts));
        stack.restartBrokerWithFullJit();
        awaitPaymentsFlow(load);
        // Both sides of the batching lever start from a fresh account service and one warm-up run.
        stack.restartAccountWith(Map.of());
        load.saturation(Workloads.DTX, load.accounts("lever-warm-after", accounts)); // the broker's C2 warms up
        Trial after = runs.trial("after", load.accounts("lever-after", accounts));
        Trial hot = runs.trial("hot", load.accounts("lever-hot", 1));
        out.println(
                "== lever: one transaction per message (the account service restarted with ACCOUNT_CONSUME_BATCH=1)");
        stack.restartAccountWith(ONE_BY_ONE);
        load.saturation(Workloads.DTX, load.accounts("lever-warm-single", accounts));
        Trial single = runs.trial("single", load.accounts("lever-single", accounts));
        Trial hotSingle = runs.trial("hot-1", load.accounts("lever-hot-single", 1));
        // Left so: what follows (table growth, history, the cleanups) does not credit through the consumer.
        out.printf(
                "  many accounts: %.1f/s one by one, %.1f/s batched; hot account: %.1f/s one by one, %.1f/s batched%n",
                single.tps(), after.tps(), hotSingle.tps(), hot.tps());
        return new Levers(before, after, hot, single, hotSingle);
    }

    /** The trials' shared instruments. */
    private static final class Runs {
        private final Workloads load;
        private final CpuMeter cpu;
        private final BatchMeter batches;
        private final PrintStream out;
        private StatementCount statements;

        Runs(Workloads load, CpuMeter cpu, BatchMeter batches, PrintStream out) {
            this.load = load;
            this.cpu = cpu;
            this.batches = batches;
            this.out = out;
        }

        Trial trial(String name, List<String> accounts) {
            CpuMeter.Sample before = cpu.sample();
            StatementCount.Mark mark = statements.mark();
            BatchMeter.Reading batched = batches.read();
            long start = System.nanoTime();
            double tps = load.saturation(Workloads.DTX, accounts);
            double seconds = (System.nanoTime() - start) / 1e9;
            long credited = load.credited(accounts);
            Trial trial = new Trial(
                    Stats.round(tps),
                    CpuCost.between(before, cpu.sample(), credited, seconds),
                    statements.since(mark, credited),
                    batches.since(batched, credited));
            out.printf(
                    "  %s: %.1f/s; %s; statements per credited recharge: %s%n",
                    name, tps, trial.batches().line(), trial.statements().line());
            out.println(trial.cpu().line(name.length() > 5 ? name.substring(0, 5) : name));
            return trial;
        }
    }

    /** Once the broker is back, a payment goes through end to end (the clients reconnect on their own). */
    private static void awaitPaymentsFlow(Workloads load) {
        List<String> probe = load.accounts("lever-probe", 1);
        boolean flowing = Waits.eventually(Duration.ofSeconds(120), () -> load.pay(Workloads.DTX, probe, 1) > 0);
        if (!flowing) {
            throw new IllegalStateException("no payment was taken within 2 minutes of the broker's restart");
        }
        load.awaitCredited(probe, 1);
    }
}
