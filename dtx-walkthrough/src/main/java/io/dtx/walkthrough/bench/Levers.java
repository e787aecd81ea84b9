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
 *       one transaction per message ({@code ACCOUNT_CONSUME_BATCH=1}), in both scenarios;</li>
 *   <li>pool sizing: both connection pools and the account consumer's threads at 4 (twice the
 *       cores; the database runs on the same two) against their defaults of 20, in both
 *       scenarios. The producer has no pool of its own: each request sends its half message on
 *       its own thread, so its sizing is the number of clients, which the concurrency curve varies.</li>
 * </ol>
 * From the second lever on, the broker is on full JIT and each side starts from freshly started
 * services and one warm-up run; the defaults run once more at the end, so the machine's drift
 * during the levers shows beside their effects. Every trial also counts what the database
 * executed per credited recharge ({@link StatementCount}) and reads the pools the services really
 * ran with ({@link PoolMeter}).
 *
 * @param before        the baseline: many accounts, the defaults, the broker as the sandbox starts it
 * @param brokerFullJit the same after the broker's restart with the services' JVM options
 * @param hot           one hot account, the defaults, broker on full JIT
 * @param oneByOne      as {@code brokerFullJit}, with one transaction per message
 * @param hotOneByOne   as {@code hot}, with one transaction per message
 * @param smallPools    as {@code brokerFullJit}, with pools of 4
 * @param hotSmallPools as {@code hot}, with pools of 4
 * @param again         as {@code brokerFullJit}, last: the defaults once more
 */
record Levers(
        Trial before,
        Trial brokerFullJit,
        Trial hot,
        Trial oneByOne,
        Trial hotOneByOne,
        Trial smallPools,
        Trial hotSmallPools,
        Trial again) {

    /** The account service's setting for one transaction per message: the batching lever's "before". */
    static final Map<String, String> ONE_BY_ONE = Map.of("ACCOUNT_CONSUME_BATCH", "1");

    /** The pool sizing lever: the pay service's settings. */
    static final Map<String, String> SMALL_PAY_POOL = Map.of("PAY_DB_POOL_SIZE", "4");

    /** The pool sizing lever: the account service's settings. */
    static final Map<String, String> SMALL_ACCOUNT_POOLS =
            Map.of("ACCOUNT_DB_POOL_SIZE", "4", "ACCOUNT_CONSUME_THREADS", "4");

    /** One saturation run of the transactional path: its rate, CPU and statements per credited recharge. */
    record Trial(double tps, CpuCost cpu, Statements statements, BatchMeter.Batches batches, PoolMeter.Pools pools) {}

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
        Runs runs = new Runs(load, stack, workspace, out);
        load.saturation(Workloads.DTX, load.accounts("lever-warm-before", accounts)); // after the drain's restart
        runs.statements = StatementCount.idleFor(load.db(), saturation);
        Trial before = runs.trial("before", load.accounts("lever-before", accounts));
        stack.restartBrokerWithFullJit();
        awaitPaymentsFlow(load);
        runs.restart("the defaults (batched credits, pools of 20)", Map.of(), Map.of(), accounts);
        Trial after = runs.trial("after", load.accounts("lever-after", accounts));
        Trial hot = runs.trial("hot", load.accounts("lever-hot", 1));
        runs.restart("one transaction per message (ACCOUNT_CONSUME_BATCH=1)", Map.of(), ONE_BY_ONE, accounts);
        Trial single = runs.trial("single", load.accounts("lever-single", accounts));
        Trial hotSingle = runs.trial("hot-1", load.accounts("lever-hot-single", 1));
        runs.restart(
                "pools of 4 (PAY_DB_POOL_SIZE, ACCOUNT_DB_POOL_SIZE, ACCOUNT_CONSUME_THREADS)",
                SMALL_PAY_POOL,
                SMALL_ACCOUNT_POOLS,
                accounts);
        Trial small = runs.trial("pool4", load.accounts("lever-pools", accounts));
        Trial hotSmall = runs.trial("hotp4", load.accounts("lever-hot-pools", 1));
        // Left on the defaults: what follows (table growth, history, the cleanups) measures them.
        runs.restart("the defaults again (the machine's drift)", Map.of(), Map.of(), accounts);
        Trial again = runs.trial("again", load.accounts("lever-again", accounts));
        out.printf(
                "  many accounts: %.1f/s batched (%.1f/s again at the end), %.1f/s one by one, %.1f/s with pools of 4;"
                        + " hot account: %.1f/s batched, %.1f/s one by one, %.1f/s with pools of 4%n",
                after.tps(), again.tps(), single.tps(), small.tps(), hot.tps(), hotSingle.tps(), hotSmall.tps());
        return new Levers(before, after, hot, single, hotSingle, small, hotSmall, again);
    }

    /** The trials' shared instruments. */
    private static final class Runs {
        private final Workloads load;
        private final LocalStack stack;
        private final CpuMeter cpu;
        private final BatchMeter batches;
        private final PoolMeter pools;
        private final PrintStream out;
        private StatementCount statements;
        private int sides;

        Runs(Workloads load, LocalStack stack, Workspace workspace, PrintStream out) {
            this.load = load;
            this.stack = stack;
            this.cpu = new CpuMeter(stack);
            this.batches = new BatchMeter(stack, workspace);
            this.pools = new PoolMeter(stack, workspace);
            this.out = out;
        }

        /** Both services freshly started with these settings, then one warm-up run (JIT, pools, caches). */
        void restart(String side, Map<String, String> pay, Map<String, String> account, int accounts) {
            out.println("== lever side: " + side);
            stack.restartWith(pay, account);
            pools.awaitFilled();
            load.saturation(Workloads.DTX, load.accounts("lever-warm-" + ++sides, accounts));
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
                    batches.since(batched, credited),
                    pools.read());
            out.printf(
                    "  %s: %.1f/s; %s; %s; statements per credited recharge: %s%n",
                    name,
                    tps,
                    trial.batches().line(),
                    trial.pools().line(),
                    trial.statements().line());
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
