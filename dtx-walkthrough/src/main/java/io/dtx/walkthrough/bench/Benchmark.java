package io.dtx.walkthrough.bench;

import io.dtx.walkthrough.probe.Databases;
import io.dtx.walkthrough.probe.Http;
import io.dtx.walkthrough.stack.LocalStack;
import io.dtx.walkthrough.stack.StackProfile;
import io.dtx.walkthrough.stack.Workspace;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * {@code ./dtx bench}: the cost of reliability, measured side by side in one run on one database.
 *
 * <ul>
 *   <li><b>ceiling</b>: the database's own commit rate for the work of a recharge (one commit in
 *       bank1_pay, one in bank1 with the dedup insert and the balance update), over JDBC, at the
 *       same concurrency: no design can credit faster on this box;</li>
 *   <li><b>naive</b>: the original demo's design, a plain send after the payment commits
 *       (the pay service's lab endpoint {@code /lab/naive-recharges}, on only in this stack);</li>
 *   <li><b>dtx</b>: the real path, HTTP, half message, local transaction, consume, dedup credit.</li>
 * </ul>
 * Naive and dtx throughput is end to end: payments credited per second, from the first payment's
 * commit to the last credit's commit (server timestamps). Time-to-credit percentiles are measured
 * at a fixed offered load of half the dtx saturation rate.
 */
public final class Benchmark {

    /**
     * @param profile record each JVM with JDK Flight Recorder, and summarise the samples taken
     *        during the dtx saturation runs
     */
    public record Settings(
            int concurrency,
            Duration saturation,
            Duration latencyRun,
            int accounts,
            int warmUpRounds,
            boolean profile) {

        public static Settings full() {
            return new Settings(16, Duration.ofSeconds(20), Duration.ofSeconds(20), 100, 10, false);
        }

        public static Settings quick() {
            return new Settings(8, Duration.ofSeconds(4), Duration.ofSeconds(4), 20, 1, false);
        }

        /** The backlog the account service comes back to: 50,000 payments in a full run. */
        public int backlog() {
            return concurrency >= 16 ? 50_000 : concurrency >= 8 ? 5_000 : 200;
        }

        /** The history the safety nets are measured over: a million payments in a full run. */
        public int history() {
            return concurrency >= 16 ? 1_000_000 : concurrency >= 8 ? 100_000 : 20_000;
        }

        /** Rows written past their retention into each bounded table: 100,000 in a full run. */
        public int retentionRows() {
            return history() / 10;
        }

        /** Payment results the notifier delivers in its measurement: 20,000 in a full run. */
        public int notifications() {
            return concurrency >= 16 ? 20_000 : concurrency >= 8 ? 2_000 : 100;
        }

        /** A run smaller than quick (the build's) checks the machinery: its JVMs start quick, C1 only. */
        public StackProfile stackProfile() {
            return concurrency >= 8 ? StackProfile.BENCH : StackProfile.BENCH_SMOKE;
        }

        /** The concurrency curve's sizes: 1, 4, 16 and 64 clients; a run smaller than quick, 1 and its own. */
        public List<Integer> curveClients() {
            return concurrency >= 8 ? List.of(1, 4, 16, 64) : List.of(1, concurrency);
        }

        public Settings profiled() {
            return new Settings(concurrency, saturation, latencyRun, accounts, warmUpRounds, true);
        }
    }

    private final Workspace workspace;
    private final LocalStack stack;
    private final Settings settings;
    private final Path outDir;
    private final PrintStream out;
    private final Databases db;
    /** Prefix of every account this run makes: each measurement counts its credits by account prefix. */
    private final String run = Long.toString(System.currentTimeMillis() % 100_000_000, 36);

    private Benchmark(Workspace workspace, LocalStack stack, Settings settings, Path outDir, PrintStream out) {
        this.workspace = workspace;
        this.stack = stack;
        this.settings = settings;
        this.outDir = outDir;
        this.out = out;
        this.db = new Databases(stack);
    }

    /** Starts a fresh stack, measures every part, writes latest.json, latest.md and the charts to outDir. */
    public static BenchReport run(Workspace workspace, Settings settings, Path outDir, PrintStream out) {
        System.setProperty("java.awt.headless", "true");
        LocalStack stack = new LocalStack(workspace, settings.stackProfile());
        try {
            out.println("Starting the sandbox and both services...");
            stack.start();
            BenchReport report = new Benchmark(workspace, stack, settings, outDir, out).measure();
            ReportFiles.write(report, outDir);
            return report;
        } finally {
            stack.close();
        }
    }

    /** The report as the Markdown table of {@code latest.md}. */
    public static String markdown(BenchReport report) {
        return ReportFiles.markdown(report);
    }

    private BenchReport measure() {
        Recordings recordings = new Recordings(stack, settings.profile(), outDir);
        // Started before the warm-up: starting Flight Recorder makes a JVM recompile for a
        // while, which must not fall into a measured run.
        recordings.start();
        Scenario.Beside beside = startPublishersBeside();
        Workloads load = workloads(settings.saturation());
        NotifierRate notifier = NotifierRate.measure(load, stack, workspace, settings.notifications(), out);
        Http http = new Http(stack.serviceToken());
        // The reconciliation's page while the ledgers are young; LedgerHistory times it again a million rows in.
        ReconciliationPage youngPage = ReconciliationPage.measure(
                db, http, workspace.payUrl(), workspace.accountUrl(), 10_000, LedgerHistory.runs(settings.history()));
        Workloads warmLoad = workloads(settings.saturation().dividedBy(2));
        WarmUpReport warmUp = new WarmUp(warmLoad, stack, settings.warmUpRounds(), beside.outboxUrl(), out).run();
        // The binlog publisher in the first scenario only: each of its runs starts the relay afresh.
        ScenarioResult many = scenario(beside, recordings).run("many_accounts", settings.accounts());
        ScenarioResult hot = scenario(new Scenario.Beside(beside.outboxUrl(), null), recordings)
                .run("hot_account", 1);
        out.println("== concurrency curve (transactional, " + settings.accounts() + " accounts per point)");
        ConcurrencyCurve curve = ConcurrencyCurve.measure(load, settings.curveClients(), settings.accounts(), out);
        BacklogDrain drain = BacklogDrain.measure(
                load, stack, settings.backlog(), many.throughput().dtxTps(), out);
        recordings.stop();
        Levers levers = Levers.measure(load, warmLoad, stack, workspace, leverSizes(hot), out);
        TableGrowth growth = TableGrowth.read(db).printed(out);
        LedgerHistory history = LedgerHistory.measure(
                db, http, workspace.payUrl(), workspace.accountUrl(), youngPage, settings.history(), run, out);
        RetentionAtWork retention = RetentionAtWork.measure(db, stack, workspace, settings.retentionRows(), run, out);
        // Read once the recordings are complete: where the CPU went during each dtx run.
        return new BenchReport(
                BenchReport.Parameters.of(settings),
                BenchReport.Machine.current(),
                DatabaseSettings.read(db),
                warmUp,
                many.withDtxProfile(recordings.dtxProfile("many_accounts")),
                hot.withDtxProfile(recordings.dtxProfile("hot_account")),
                curve,
                drain,
                growth,
                history,
                notifier.against(many.throughput().dtxTps()),
                levers,
                retention,
                Instant.now().toString());
    }

    /** The levers' trials as large as the scenarios', their hot latency runs at the hot scenario's offered load. */
    private Levers.Sizes leverSizes(ScenarioResult hot) {
        return new Levers.Sizes(
                settings.accounts(), settings.saturation(), hot.latency().latencyOfferedTps(), settings.warmUpRounds());
    }

    private Scenario.Beside startPublishersBeside() {
        out.println("Starting a pay instance with the outbox publisher beside the transactional one...");
        String outboxUrl = stack.startPayBeside(Scenario.OUTBOX_INSTANCE, 2);
        out.println("Starting a pay instance with the binlog publisher (the relay runs only during its runs)...");
        return new Scenario.Beside(outboxUrl, stack.startPayBeside(Scenario.BINLOG_INSTANCE, 5));
    }

    private Scenario scenario(Scenario.Beside beside, Recordings recordings) {
        return new Scenario(workloads(settings.saturation()), stack, recordings, settings.concurrency(), beside, out);
    }

    private Workloads workloads(Duration saturation) {
        return new Workloads(workspace, db, settings.concurrency(), saturation, settings.latencyRun(), run);
    }
}
