package io.dtx.walkthrough.chaos;

import io.dtx.walkthrough.probe.Databases;
import io.dtx.walkthrough.probe.ReceiverGate;
import io.dtx.walkthrough.probe.Waits;
import io.dtx.walkthrough.stack.LocalStack;
import io.dtx.walkthrough.stack.Workspace;
import java.io.PrintStream;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;

/**
 * Customers recharge while the faults strike; then the campaign waits for the system to converge
 * and reads the verdict from the databases.
 */
final class FaultCampaign {

    static final int ACCOUNTS = 100;
    static final double HOT_SHARE = 0.2;
    static final Duration CONVERGE_TIMEOUT = Duration.ofMinutes(5);
    /** How long the hot account stays locked: long enough for its messages to exhaust their retries. */
    static final Duration CONSUMER_FAILURE = Duration.ofSeconds(12);

    private final Workspace workspace;
    private final LocalStack stack;
    private final Databases db;
    private final Chaos.Settings settings;
    private final PrintStream out;
    /** In front of the account service's callbacks with {@code --notify}; else null. */
    private final ReceiverGate gate;

    FaultCampaign(
            Workspace workspace,
            LocalStack stack,
            Databases db,
            Chaos.Settings settings,
            PrintStream out,
            ReceiverGate gate) {
        this.workspace = workspace;
        this.stack = stack;
        this.db = db;
        this.settings = settings;
        this.out = out;
        this.gate = gate;
    }

    /** Every kind once, then random ones; with the binlog relay, its kill twice more (again and again). */
    private List<Faults.Kind> schedule(Random random) {
        List<Faults.Kind> schedule =
                Faults.schedule(settings.faults(), random, Faults.kinds(settings.notifier(), workspace.binlog()));
        if (workspace.binlog()) {
            schedule.add(random.nextInt(schedule.size()), Faults.Kind.RELAY_KILLED);
            schedule.add(random.nextInt(schedule.size()), Faults.Kind.RELAY_KILLED);
        }
        return schedule;
    }

    /** The second broker and instances are there to be killed: started only if the schedule kills them. */
    private boolean startSecondInstancesIfKilled(List<Faults.Kind> schedule) {
        if (!schedule.contains(Faults.Kind.SECOND_INSTANCES_KILLED)) {
            return false;
        }
        out.println("Starting a second broker and a second instance of each service...");
        stack.startSecondInstances();
        return true;
    }

    FaultReport run() {
        Random random = new Random(settings.seed());
        List<Faults.Kind> schedule = schedule(random);
        boolean second = startSecondInstancesIfKilled(schedule);
        List<String> accounts = openAccounts();
        Map<String, BigDecimal> opening = Collections.synchronizedMap(balances());
        ChaosLoad load = customers(accounts, second);
        out.printf(
                "Campaign (seed %d, publisher %s): %d recharges by %d clients over %d s, %d faults: %s%n",
                settings.seed(),
                workspace.publisher(),
                settings.recharges(),
                settings.concurrency(),
                settings.seconds(),
                schedule.size(),
                schedule);
        Faults faults = new Faults(
                workspace,
                stack,
                db,
                random,
                CONSUMER_FAILURE,
                accounts,
                new LateAccounts(db, opening, settings.seed()),
                gate);
        FaultTimeline timeline = new FaultTimeline(faults, random, out);
        long start = System.nanoTime();
        CompletableFuture<Void> customers = CompletableFuture.runAsync(() -> recharge(load));
        List<Faults.Injected> injected = timeline.strike(schedule, settings, start, load);
        customers.join();
        double loadSeconds = Elapsed.seconds(start);
        print(load, loadSeconds);
        FaultReport.Convergence convergence = converge(timeline.lastFaultOver());
        // Late duplicates and redeliveries may still be in flight: they must change nothing.
        Waits.sleep(3_000);
        Verdict verdict = Verdict.of(db, opening, load.paid, load.toldNotTaken);
        print(verdict);
        NotifyVerdict notify = settings.notifier() ? print(NotifyVerdict.of(db)) : null;
        return FaultReport.of(settings, loadSeconds, injected, load, verdict, convergence, notify);
    }

    /** The customers, their attempts going round both pay instances (if there are two). */
    private ChaosLoad customers(List<String> accounts, boolean second) {
        return new ChaosLoad(
                second ? List.of(workspace.payUrl(), workspace.secondPayUrl()) : List.of(workspace.payUrl()),
                workspace.queueFirst(),
                ChaosLoad.plan(settings.seed(), settings.recharges(), accounts, HOT_SHARE),
                settings.concurrency(),
                Duration.ofSeconds(settings.seconds()));
    }

    private List<String> openAccounts() {
        List<String> accounts = new ArrayList<>();
        for (int i = 0; i < ACCOUNTS; i++) {
            String accountNo = "chaos-" + i;
            db.update(
                    "bank1",
                    "INSERT INTO account_info (account_name, account_no, account_balance)"
                            + " VALUES ('chaos', ?, 0.00)",
                    accountNo);
            accounts.add(accountNo);
        }
        return accounts;
    }

    /** Every account's balance before the first recharge: the verdict checks each against its credits. */
    private Map<String, BigDecimal> balances() {
        Map<String, BigDecimal> balances = new LinkedHashMap<>();
        db.rows("bank1", "SELECT account_no, account_balance FROM account_info")
                .forEach(row -> balances.put((String) row.get("account_no"), (BigDecimal) row.get("account_balance")));
        return balances;
    }

    private static void recharge(ChaosLoad load) {
        try {
            load.run();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /**
     * Waits until every payment is credited. Timed from the end of the last fault (the stack whole
     * again) until every payment is credited and no customer is still retrying: how long the
     * system needed to heal.
     */
    private FaultReport.Convergence converge(long lastFaultOver) {
        long loadOver = System.nanoTime();
        boolean converged = Waits.eventually(
                CONVERGE_TIMEOUT,
                () -> Verdict.uncredited(db) == 0 && (!settings.notifier() || NotifyVerdict.notYetDelivered(db) == 0));
        double convergeSeconds = Elapsed.seconds(lastFaultOver);
        double afterLoadSeconds = Elapsed.seconds(loadOver);
        out.printf(
                converged
                        ? "Converged %.1f s after the last fault ended (%.1f s after the last recharge was answered)%n"
                        : "NOT converged %.0f s after the last fault (%.0f s after the last recharge)%n",
                convergeSeconds,
                afterLoadSeconds);
        List<String> stuck = converged ? List.of() : StuckPayments.describe(db, workspace.logDir());
        stuck.forEach(line -> out.println("  " + line));
        return new FaultReport.Convergence(
                converged, Elapsed.round(convergeSeconds), Elapsed.round(afterLoadSeconds), stuck);
    }

    private void print(ChaosLoad load, double loadSeconds) {
        out.printf(
                "Load done in %.1f s: %d acknowledged, %d retries, %d gave up, %d refused; replies %s%n",
                loadSeconds,
                load.paid.size(),
                load.retries.sum(),
                load.gaveUp.size(),
                load.refused.size(),
                new TreeMap<>(load.statuses));
    }

    private NotifyVerdict print(NotifyVerdict notify) {
        out.printf(
                "Notifier: %d notifications; of the payments %d delivered by callback, %d not delivered, %d never"
                        + " heard of; %d credits by callback%n",
                notify.notifications(),
                notify.delivered(),
                notify.undelivered(),
                notify.withoutNotification(),
                notify.creditedByCallback());
        return notify;
    }

    private void print(Verdict verdict) {
        out.printf(
                "Verdict from the databases: %d payments (%d rolled back), %d credits %s; lost %d, doubled %d,"
                        + " phantom %d, mismatched %d, acknowledged but missing %d, told not taken but charged %d%n",
                verdict.payments(),
                verdict.rolledBack(),
                verdict.credits(),
                verdict.creditsByPath(),
                verdict.lost(),
                verdict.doubled(),
                verdict.phantom(),
                verdict.mismatched(),
                verdict.acknowledgedMissing(),
                verdict.toldNoButCharged());
        verdict.examples().forEach(e -> out.println("  " + e));
    }
}
