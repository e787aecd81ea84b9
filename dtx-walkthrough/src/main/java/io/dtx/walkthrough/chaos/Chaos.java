package io.dtx.walkthrough.chaos;

import io.dtx.walkthrough.probe.Databases;
import io.dtx.walkthrough.probe.ReceiverGate;
import io.dtx.walkthrough.report.JsonReports;
import io.dtx.walkthrough.stack.LocalStack;
import io.dtx.walkthrough.stack.NotifierSetup;
import io.dtx.walkthrough.stack.StackProfile;
import io.dtx.walkthrough.stack.Workspace;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Duration;

/**
 * {@code ./dtx chaos}: a fault campaign on the local multi-process stack, Jepsen style. Customers
 * recharge while processes are killed, the broker dies, database connections are cut, messages
 * are duplicated and a consumer fails; then the campaign waits for the system to converge and
 * checks from the databases that every payment was credited exactly once. Then the bad-input
 * campaign fires thousands of hostile requests at a quiet stack. Writes {@code latest.json}.
 */
public final class Chaos {

    /**
     * @param recharges   how many recharges the customers make
     * @param concurrency how many customers at once
     * @param seconds     over how long the recharges are spread; the faults fall in this window
     * @param seed        decides the recharges, the faults, their order and the bad inputs
     * @param faults      how many faults (every kind at least once)
     * @param badInputs   how many hostile requests afterwards (0: none)
     * @param faultsOn    false for the bad-input campaign alone
     * @param notifier    scheme 2: the account service takes payments by the notifier's callbacks
     *                    only (its broker consumer off), and the notifier is killed too
     */
    public record Settings(
            int recharges,
            int concurrency,
            int seconds,
            long seed,
            int faults,
            int badInputs,
            boolean faultsOn,
            boolean notifier) {

        public static Settings full(long seed) {
            return new Settings(3000, 16, 150, seed, 12, 3000, true, false);
        }

        /** What {@code ./mvnw verify} runs: every kind of fault once, a few hundred recharges. */
        public static Settings quick(long seed) {
            return new Settings(300, 8, 45, seed, Faults.kinds(false).size(), 500, true, false);
        }

        /** The same campaign with the notifier as the account service's only way to hear of payments. */
        public Settings withNotifier() {
            int kinds = Faults.kinds(true).size();
            return new Settings(
                    recharges, concurrency, seconds, seed, Math.max(faults, kinds), badInputs, faultsOn, true);
        }
    }

    /**
     * How the campaign runs the notifier: the Alipay schedule, 60 times faster (4 min is 4 s, the
     * whole schedule 24 min), calling the account service through a gate (which the notifier's
     * kill makes slow, so that it lands mid-call).
     */
    static NotifierSetup notifierSetup(String receiverUrl) {
        return new NotifierSetup(receiverUrl, "alipay", 1.0 / 60, Duration.ofSeconds(3));
    }

    private final Workspace workspace;
    private final Settings settings;
    private final PrintStream out;

    private Chaos(Workspace workspace, Settings settings, PrintStream out) {
        this.workspace = workspace;
        this.settings = settings;
        this.out = out;
    }

    /** Runs the campaign on a fresh stack and writes the report; the report says whether it held. */
    public static ChaosReport run(Workspace workspace, Settings settings, Path outDir, PrintStream out) {
        ChaosReport report = new Chaos(workspace, settings, out).run();
        JsonReports.write(report, outDir.resolve("latest.json"));
        return report;
    }

    private ChaosReport run() {
        LocalStack stack = new LocalStack(workspace, StackProfile.CHAOS);
        Thread stopper = new Thread(stack::close, "dtx-chaos-stop");
        Runtime.getRuntime().addShutdownHook(stopper); // Ctrl-C stops the processes too
        ReceiverGate gate = null;
        try {
            long t0 = System.nanoTime();
            out.println("Starting the broker, the database and both services, each a process of its own...");
            stack.callbacksOnly(settings.notifier());
            stack.start();
            if (settings.notifier()) {
                out.println("Starting the notifier; the account service takes payments by its callbacks only...");
                gate = new ReceiverGate(workspace.accountUrl() + "/accounts/callbacks/recharges");
                stack.notifier().start(notifierSetup(gate.url()));
            }
            out.printf("Ready in %.1f s%n", Elapsed.seconds(t0));
            Databases db = new Databases(stack);
            FaultReport faults =
                    settings.faultsOn() ? new FaultCampaign(workspace, stack, db, settings, out, gate).run() : null;
            InputReport inputs = settings.badInputs() > 0 ? inputCampaign(stack, db) : null;
            return ChaosReport.of(settings.seed(), faults, inputs);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            out.println("Stopping every process the campaign started...");
            if (gate != null) {
                gate.close();
            }
            stack.close();
            Runtime.getRuntime().removeShutdownHook(stopper);
        }
    }

    private InputReport inputCampaign(LocalStack stack, Databases db) {
        HostileRequests generator =
                new HostileRequests(workspace.payUrl(), workspace.accountUrl(), stack.serviceToken());
        long t0 = System.nanoTime();
        InputReport result = new InputCampaign(db).run(generator.generate(settings.seed(), settings.badInputs()));
        out.printf(
                "Bad inputs: %d sent in %.1f s (%d the HTTP client itself refused to send); replies %s; accepted %d,"
                        + " 5xx %d, without a problem body %d, databases %s%n",
                result.sent(),
                Elapsed.seconds(t0),
                result.notSendable(),
                result.replies(),
                result.accepted(),
                result.serverErrors(),
                result.withoutProblemBody(),
                result.databasesUnchanged() ? "unchanged" : "CHANGED");
        result.examples().forEach(e -> out.println("  " + e));
        return result;
    }
}
