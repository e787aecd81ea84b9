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
 *       one transaction per message ({@code ACCOUNT_CONSUME_BATCH=1});</li>
 *   <li>pool sizing: both connection pools and the account consumer's threads at 4 (twice the
 *       cores; the database runs on the same two) against their defaults of 20. The producer has
 *       no pool of its own: each request sends its half message on its own thread, so its sizing
 *       is the number of clients, which the concurrency curve varies;</li>
 *   <li>the consumer's prefetch: 32 messages held per queue (the default) against the client's
 *       1000, under which a backlog is pulled in as it arrives and waits as small batches.</li>
 * </ol>
 * From the second lever on, the broker is on full JIT and each side starts from freshly started
 * services warmed up until their JIT compilers settle (as the run's first warm-up), then
 * measures many accounts and one hot account at saturation, and the hot account's time-to-credit
 * at one offered load for all sides (the hot scenario's half load). The defaults run once more
 * at the end, so the machine's drift during the levers shows beside their effects. Every trial
 * also counts what the database executed per credited recharge ({@link StatementCount}) and reads
 * the pools the services really ran with ({@link PoolMeter}).
 *
 * @param before         the baseline: many accounts, the defaults, the broker as the sandbox starts it
 * @param defaults       the defaults, broker on full JIT: its many accounts trial is the broker
 *                       lever's "after"
 * @param oneByOne       one transaction per message
 * @param smallPools     pools of 4
 * @param clientPrefetch the client's prefetch of 1000 per queue
 * @param again          many accounts, the defaults once more, last
 */
record Levers(Trial before, Side defaults, Side oneByOne, Side smallPools, Side clientPrefetch, Trial again) {

    /** The account service's setting for one transaction per message: the batching lever's "before". */
    static final Map<String, String> ONE_BY_ONE = Map.of("ACCOUNT_CONSUME_BATCH", "1");

    /** The pool sizing lever: the pay service's settings. */
    static final Map<String, String> SMALL_PAY_POOL = Map.of("PAY_DB_POOL_SIZE", "4");

    /** The pool sizing lever: the account service's settings. */
    static final Map<String, String> SMALL_ACCOUNT_POOLS =
            Map.of("ACCOUNT_DB_POOL_SIZE", "4", "ACCOUNT_CONSUME_THREADS", "4");

    /** The prefetch lever's "before": the RocketMQ client's own default. */
    static final Map<String, String> CLIENT_PREFETCH = Map.of("ACCOUNT_CONSUME_PREFETCH", "1000");

    /** One saturation run of the transactional path: its rate, CPU and statements per credited recharge. */
    record Trial(double tps, CpuCost cpu, Statements statements, BatchMeter.Batches batches, PoolMeter.Pools pools) {}

    /**
     * One side of a lever on freshly started services.
     *
     * @param many       many accounts at saturation
     * @param hot        one hot account at saturation
     * @param hotLatency the hot account's time-to-credit at the offered load all sides share
     */
    record Side(Trial many, Trial hot, ScenarioResult.Latency hotLatency) {}

    /**
     * @param accounts     accounts of a many accounts trial
     * @param saturation   how long a saturation run lasts
     * @param hotOffered   the rate every side's hot latency run offers (the hot scenario's half load)
     * @param warmUpRounds the most warm-up rounds a side gets (it stops once its JIT compilers settle)
     */
    record Sizes(int accounts, Duration saturation, double hotOffered, int warmUpRounds) {}

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

    /** {@code warmLoad}: shorter runs, for the warm-up rounds of each side. */
    static Levers measure(
            Workloads load, Workloads warmLoad, LocalStack stack, Workspace workspace, Sizes sizes, PrintStream out) {
        out.println("== levers: the transactional path before and after the broker runs with full JIT");
        Runs runs = new Runs(load, warmLoad, stack, workspace, sizes, out);
        load.saturation(Workloads.DTX, load.accounts("lever-warm-before", sizes.accounts())); // after the drain
        runs.statements = StatementCount.idleFor(load.db(), sizes.saturation());
        Trial before = runs.trial("before", load.accounts("lever-before", sizes.accounts()));
        stack.restartBrokerWithFullJit();
        awaitPaymentsFlow(load);
        Side defaults = runs.side("the defaults (batch 16, pools of 20, prefetch 32)", Map.of(), Map.of());
        Side oneByOne = runs.side("one transaction per message (ACCOUNT_CONSUME_BATCH=1)", Map.of(), ONE_BY_ONE);
        Side small = runs.side(
                "pools of 4 (PAY_DB_POOL_SIZE, ACCOUNT_DB_POOL_SIZE, ACCOUNT_CONSUME_THREADS)",
                SMALL_PAY_POOL,
                SMALL_ACCOUNT_POOLS);
        Side prefetch = runs.side("the client's prefetch (ACCOUNT_CONSUME_PREFETCH=1000)", Map.of(), CLIENT_PREFETCH);
        // Left on the defaults: what follows (table growth, history, the cleanups) measures them.
        runs.restart("the defaults again (the machine's drift)", Map.of(), Map.of());
        Trial again = runs.trial("again", load.accounts("lever-again", sizes.accounts()));
        out.printf(
                "  many accounts: %.1f/s with the defaults (%.1f/s again at the end), %.1f/s one by one,"
                        + " %.1f/s with pools of 4, %.1f/s with the client's prefetch%n",
                defaults.many().tps(),
                again.tps(),
                oneByOne.many().tps(),
                small.many().tps(),
                prefetch.many().tps());
        return new Levers(before, defaults, oneByOne, small, prefetch, again);
    }

    /** The trials' shared instruments. */
    private static final class Runs {
        private final Workloads load;
        private final Workloads warmLoad;
        private final LocalStack stack;
        private final CpuMeter cpu;
        private final BatchMeter batches;
        private final PoolMeter pools;
        private final Sizes sizes;
        private final PrintStream out;
        private StatementCount statements;
        private int sides;

        Runs(Workloads load, Workloads warmLoad, LocalStack stack, Workspace workspace, Sizes sizes, PrintStream out) {
            this.load = load;
            this.warmLoad = warmLoad;
            this.stack = stack;
            this.sizes = sizes;
            this.cpu = new CpuMeter(stack);
            this.batches = new BatchMeter(stack, workspace);
            this.pools = new PoolMeter(stack, workspace);
            this.out = out;
        }

        /** One side of a lever: its trials on both scenarios and the hot account's time-to-credit. */
        Side side(String name, Map<String, String> pay, Map<String, String> account) {
            restart(name, pay, account);
            String tag = Integer.toString(sides);
            Trial many = trial("many" + tag, load.accounts("lever-many-" + tag, sizes.accounts()));
            Trial hot = trial("hot" + tag, load.accounts("lever-hot-" + tag, 1));
            List<Long> micros = load.latency(load.accounts("lever-hot-latency-" + tag, 1), sizes.hotOffered());
            ScenarioResult.Latency latency = ScenarioResult.Latency.of(sizes.hotOffered(), micros);
            out.printf(
                    "  hot%s time-to-credit at %.1f/s: p50 %.1f ms, p99 %.1f ms (%d payments)%n",
                    tag, sizes.hotOffered(), latency.dtxCreditMsP50(), latency.dtxCreditMsP99(), micros.size());
            return new Side(many, hot, latency);
        }

        /**
         * Both services freshly started with these settings, then warmed up like the run's first
         * warm-up: rounds until their JIT compilers settle. A side measured while its JVMs still
         * compile measures their compilers (a stopped run of 2026-12-03 gave its sides one round and
         * they ran at 40% of the rate the warm services had reached). Run 8's sides were still
         * compiling after the full run's 10 rounds; all sides get the same rounds, so they compare.
         */
        void restart(String side, Map<String, String> pay, Map<String, String> account) {
            out.println("== lever side " + ++sides + ": " + side);
            stack.restartWith(pay, account);
            pools.awaitFilled();
            StringBuilder shares = new StringBuilder();
            WarmUp.Settled settled = WarmUp.untilSettled(
                    stack,
                    sizes.warmUpRounds(),
                    round -> warmLoad.saturation(
                            Workloads.DTX, load.accounts("lever-warm-" + sides + "-" + round, sizes.accounts())),
                    (round, compileShare) -> shares.append(String.format(" %.0f%%", 100 * compileShare)));
            // Each round's share, so a reader sees whether the side settled or only ran out of rounds.
            out.printf("  warmed up in %d rounds (JIT compilers busy, round by round:%s)%n", settled.rounds(), shares);
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
