package io.dtx.walkthrough;

import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@code ./dtx chaos}: a fault campaign on the local multi-process stack, Jepsen style. Customers
 * recharge while processes are killed, the broker dies, database connections are cut, messages
 * are duplicated and a consumer fails; then the campaign waits for the system to converge and
 * checks from the databases that every payment was credited exactly once. Then the bad-input
 * campaign fires thousands of hostile requests at a quiet stack. Writes {@code latest.json}.
 */
final class Chaos {

    /**
     * @param recharges   how many recharges the customers make
     * @param concurrency how many customers at once
     * @param seconds     over how long the recharges are spread; the faults fall in this window
     * @param seed        decides the recharges, the faults, their order and the bad inputs
     * @param faults      how many faults (every kind at least once)
     * @param badInputs   how many hostile requests afterwards (0: none)
     * @param faultsOn    false for the bad-input campaign alone
     */
    record Settings(int recharges, int concurrency, int seconds, long seed, int faults, int badInputs, boolean faultsOn) {

        static Settings full(long seed) {
            return new Settings(3000, 16, 150, seed, 12, 3000, true);
        }

        /** What {@code ./mvnw verify} runs: every kind of fault once, a few hundred recharges. */
        static Settings quick(long seed) {
            return new Settings(300, 8, 45, seed, Faults.Kind.values().length, 500, true);
        }
    }

    static final int ACCOUNTS = 100;
    static final double HOT_SHARE = 0.2;
    static final Duration CONVERGE_TIMEOUT = Duration.ofMinutes(5);
    /** How long the hot account stays locked: long enough for its messages to exhaust their retries. */
    static final Duration CONSUMER_FAILURE = Duration.ofSeconds(12);

    private final Workspace workspace;
    private final Settings settings;
    private final PrintStream out;

    private Chaos(Workspace workspace, Settings settings, PrintStream out) {
        this.workspace = workspace;
        this.settings = settings;
        this.out = out;
    }

    /** Runs the campaign on a fresh stack and writes the report; the report says whether it held. */
    static Map<String, Object> run(Workspace workspace, Settings settings, Path outDir, PrintStream out) {
        Map<String, Object> report = new Chaos(workspace, settings, out).run();
        write(report, outDir);
        return report;
    }

    private Map<String, Object> run() {
        Map<String, Object> report = new LinkedHashMap<>();
        report.put("seed", settings.seed());
        // The account service gives up on a locked row after 1 s (production: 10 s), so the
        // consumer-failure fault reaches the DLQ in seconds; reconciliation starts early.
        Map<String, String> accountEnv = Map.of("ACCOUNT_DB_LOCK_WAIT_TIMEOUT_S", "1", "ACCOUNT_RECONCILE_INITIAL_DELAY", "PT10S");
        try (LocalStack stack = new LocalStack(workspace, List.of(), accountEnv, JavaProcess.DEMO_JVM)) {
            Thread stopper = new Thread(stack::close, "dtx-chaos-stop");
            Runtime.getRuntime().addShutdownHook(stopper);
            try {
                long t0 = System.nanoTime();
                out.println("Starting the broker, the database and both services, each a process of its own...");
                stack.start();
                out.printf("Ready in %.1f s%n", seconds(t0));
                Bank bank = new Bank(workspace, stack, new Narrator(new PrintStream(PrintStream.nullOutputStream()), false));
                if (settings.faultsOn()) {
                    report.putAll(faultCampaign(stack, bank));
                }
                if (settings.badInputs() > 0) {
                    report.put("bad_inputs", inputCampaign(stack, bank));
                }
            } finally {
                out.println("Stopping every process the campaign started...");
                stack.close();
                Runtime.getRuntime().removeShutdownHook(stopper);
            }
        }
        report.put("verdict", holds(report) ? "PASS" : "FAIL");
        return report;
    }

    private Map<String, Object> faultCampaign(LocalStack stack, Bank bank) throws RuntimeException {
        List<String> accounts = new ArrayList<>();
        for (int i = 0; i < ACCOUNTS; i++) {
            String accountNo = "chaos-" + i;
            bank.update("bank1", "INSERT INTO account_info (account_name, account_no, account_balance) VALUES ('chaos', ?, 0.00)", accountNo);
            accounts.add(accountNo);
        }
        Map<String, BigDecimal> opening = new LinkedHashMap<>();
        bank.rows("bank1", "SELECT account_no, account_balance FROM account_info")
                .forEach(row -> opening.put((String) row.get("account_no"), (BigDecimal) row.get("account_balance")));

        Random random = new Random(settings.seed());
        ChaosLoad load = new ChaosLoad(workspace.payUrl(), ChaosLoad.plan(settings.seed(), settings.recharges(), accounts, HOT_SHARE),
                settings.concurrency(), Duration.ofSeconds(settings.seconds()));
        Faults faults = new Faults(workspace, stack, random, CONSUMER_FAILURE);
        List<Faults.Kind> schedule = Faults.schedule(settings.faults(), random);
        out.printf("Campaign (seed %d): %d recharges by %d clients over %d s, %d faults: %s%n", settings.seed(), settings.recharges(),
                settings.concurrency(), settings.seconds(), schedule.size(), schedule);

        long start = System.nanoTime();
        CompletableFuture<Void> customers = CompletableFuture.runAsync(() -> {
            try {
                load.run();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
        List<Faults.Injected> injected = new ArrayList<>();
        long faultsOver = start;
        double gap = (double) settings.seconds() / (schedule.size() + 1);
        for (int i = 0; i < schedule.size(); i++) {
            // Evenly spread with jitter, but never two at once: each fault ends with the stack whole.
            double due = gap * (i + 1) + (random.nextDouble() - 0.5) * gap * 0.5;
            long wait = (long) (due * 1000) - (System.nanoTime() - start) / 1_000_000;
            if (wait > 0) {
                JavaProcess.sleep(wait);
            }
            Faults.Kind kind = schedule.get(i);
            double at = seconds(start);
            long t = System.nanoTime();
            String detail;
            try {
                detail = faults.inject(kind, load.paid);
            } catch (Exception e) {
                throw new IllegalStateException("Fault " + kind + " could not be injected: " + e.getMessage(), e);
            }
            faultsOver = System.nanoTime();
            Faults.Injected done = new Faults.Injected(kind, round(at), round(seconds(t)), detail);
            injected.add(done);
            out.printf("  %6.1f s  %-30s %s (%.1f s; %d/%d recharges so far)%n", at, kind, detail, done.tookSeconds(), load.done(), settings.recharges());
        }
        customers.join();
        double loadSeconds = seconds(start);
        out.printf("Load done in %.1f s: %d acknowledged, %d retries, %d gave up, %d refused; replies %s%n", loadSeconds, load.paid.size(),
                load.retries.sum(), load.gaveUp.size(), load.refused.size(), new TreeMap<>(load.statuses));

        long loadOver = System.nanoTime();
        boolean converged = Bank.eventually(CONVERGE_TIMEOUT, () -> Verdict.uncredited(bank) == 0);
        // From the end of the last fault (the stack whole again) until every payment is credited
        // and no customer is still retrying: how long the system needed to heal.
        double convergeSeconds = seconds(faultsOver);
        double afterLoadSeconds = seconds(loadOver);
        out.printf(converged ? "Converged %.1f s after the last fault ended (%.1f s after the last recharge was answered)%n"
                : "NOT converged %.0f s after the last fault (%.0f s after the last recharge)%n", convergeSeconds, afterLoadSeconds);
        // Late duplicates and redeliveries may still be in flight: they must change nothing.
        JavaProcess.sleep(3_000);
        Verdict verdict = Verdict.of(bank, opening, load.paid);
        out.printf("Verdict from the databases: %d payments (%d rolled back), %d credits %s; lost %d, doubled %d, phantom %d, mismatched %d, "
                        + "acknowledged but missing %d%n", verdict.payments(), verdict.rolledBack(), verdict.credits(), verdict.creditsByPath(),
                verdict.lost(), verdict.doubled(), verdict.phantom(), verdict.mismatched(), verdict.acknowledgedMissing());
        verdict.examples().forEach(e -> out.println("  " + e));

        Map<String, Object> report = new LinkedHashMap<>();
        report.put("recharges", settings.recharges());
        report.put("concurrency", settings.concurrency());
        report.put("load_s", round(loadSeconds));
        Map<String, Integer> counts = new TreeMap<>();
        injected.forEach(f -> counts.merge(f.kind().name(), 1, Integer::sum));
        report.put("faults", counts);
        report.put("fault_log", injected);
        report.put("acknowledged", load.paid.size());
        report.put("client_attempts", load.attempts.sum());
        report.put("client_retries", load.retries.sum());
        report.put("client_gave_up", load.gaveUp.size());
        report.put("client_refused", load.refused.size());
        report.put("client_replies", new TreeMap<>(load.statuses));
        report.put("payments", verdict.payments());
        report.put("rolled_back", verdict.rolledBack());
        report.put("credits", verdict.credits());
        report.put("credits_by_path", verdict.creditsByPath());
        report.put("lost", verdict.lost());
        report.put("doubled", verdict.doubled());
        report.put("phantom", verdict.phantom());
        report.put("mismatched", verdict.mismatched());
        report.put("acknowledged_missing", verdict.acknowledgedMissing());
        report.put("converged", converged);
        report.put("converge_s", round(convergeSeconds));
        report.put("converge_after_load_s", round(afterLoadSeconds));
        report.put("examples", verdict.examples());
        report.put("refused_examples", load.refused.subList(0, Math.min(10, load.refused.size())));
        return report;
    }

    private Map<String, Object> inputCampaign(LocalStack stack, Bank bank) {
        InputCampaign campaign = new InputCampaign(workspace.payUrl(), workspace.accountUrl(), stack.serviceToken());
        long t0 = System.nanoTime();
        InputCampaign.Result result = campaign.run(campaign.generate(settings.seed(), settings.badInputs()), bank);
        out.printf("Bad inputs: %d sent in %.1f s (%d the HTTP client itself refused to send); replies %s; accepted %d, 5xx %d, "
                        + "without a problem body %d, databases %s%n", result.sent(), seconds(t0), result.notSendable(), result.statuses(),
                result.accepted(), result.serverErrors(), result.withoutProblem(), result.databasesUnchanged() ? "unchanged" : "CHANGED");
        result.examples().forEach(e -> out.println("  " + e));
        Map<String, Object> report = new LinkedHashMap<>();
        report.put("sent", result.sent());
        report.put("not_sendable", result.notSendable());
        report.put("replies", result.statuses());
        report.put("accepted", result.accepted());
        report.put("server_errors", result.serverErrors());
        report.put("without_problem_body", result.withoutProblem());
        report.put("databases_unchanged", result.databasesUnchanged());
        report.put("examples", result.examples());
        report.put("holds", result.holds());
        return report;
    }

    /** Nothing lost, doubled, phantom, mismatched or falsely acknowledged; converged; inputs all refused cleanly. */
    @SuppressWarnings("unchecked")
    static boolean holds(Map<String, Object> report) {
        boolean faultsHeld = !report.containsKey("lost") || (Boolean.TRUE.equals(report.get("converged"))
                && List.of("lost", "doubled", "phantom", "mismatched", "acknowledged_missing").stream()
                .allMatch(key -> ((Number) report.get(key)).longValue() == 0));
        boolean inputsHeld = !report.containsKey("bad_inputs") || Boolean.TRUE.equals(((Map<String, Object>) report.get("bad_inputs")).get("holds"));
        return faultsHeld && inputsHeld;
    }

    static void write(Map<String, Object> report, Path outDir) {
        try {
            Files.createDirectories(outDir);
            report.put("generated_at", Instant.now().toString());
            JsonMapper json = JsonMapper.builder().enable(SerializationFeature.INDENT_OUTPUT).build();
            Files.writeString(outDir.resolve("latest.json"), json.writeValueAsString(report));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static double seconds(long sinceNanos) {
        return (System.nanoTime() - sinceNanos) / 1e9;
    }

    private static double round(double value) {
        return Math.round(value * 10) / 10.0;
    }
}
