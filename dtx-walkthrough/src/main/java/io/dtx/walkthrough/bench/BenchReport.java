package io.dtx.walkthrough.bench;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * {@code latest.json} of {@code ./dtx bench}: what was run where, and the two scenarios' results.
 *
 * @param settings the run's size, {@link Benchmark.Settings} as reported
 * @param warmUp   how long the JVMs took to settle before anything was measured
 * @param concurrencyCurve throughput and time-to-credit at 1 to 64 clients, and where it bends
 * @param backlogDrain     how fast the account service works off a backlog, against its steady rate
 * @param tableGrowth      each table's rows and bytes at the end of the run, per million payments
 * @param ledgerHistory    the reconciliation's page and the deep sweep over a long history
 * @param notifier         the best-effort notifier's delivery rate to a healthy receiver
 * @param levers           the transactional path before and after a lever, and its statements per recharge
 * @param retention        each bounded table's cleanup at work: rows past their retention, removed per second
 */
public record BenchReport(
        Parameters settings,
        Machine machine,
        DatabaseSettings database,
        WarmUpReport warmUp,
        ScenarioResult manyAccounts,
        ScenarioResult hotAccount,
        ConcurrencyCurve concurrencyCurve,
        BacklogDrain backlogDrain,
        TableGrowth tableGrowth,
        LedgerHistory ledgerHistory,
        NotifierRate notifier,
        Levers levers,
        @JsonInclude(JsonInclude.Include.NON_NULL) RetentionAtWork retention,
        String generatedAt) {

    /** The size of the run, in the report's units. */
    record Parameters(int concurrency, long saturationS, long latencyRunS, int accounts) {

        static Parameters of(Benchmark.Settings settings) {
            return new Parameters(
                    settings.concurrency(),
                    settings.saturation().toSeconds(),
                    settings.latencyRun().toSeconds(),
                    settings.accounts());
        }
    }

    /** The box: on two cores every process of the stack and the load generator compete. */
    record Machine(int cores, String os, String java) {

        static Machine current() {
            return new Machine(
                    Runtime.getRuntime().availableProcessors(),
                    System.getProperty("os.name") + " " + System.getProperty("os.version"),
                    System.getProperty("java.version"));
        }
    }
}
