package io.dtx.walkthrough.stack;

import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * What one tool needs from the stack, and nothing else: which lab seams the pay service opens,
 * how the account service retries and reconciles, and how the two services' JVMs run.
 */
public enum StackProfile {

    /**
     * The story, and {@code ./dtx up}. Reconciliation starts late enough that step 4 usually shows
     * the broker's check-back at work rather than reconciliation getting there first (either
     * credits the payment once), and then runs often enough for step 6.
     */
    DEMO(
            EnumSet.of(LabSeam.PAUSES),
            new Reconciliation(Duration.ofSeconds(45), Duration.ofSeconds(10)),
            3,
            Map.of(),
            JvmOptions.QUICK),

    /**
     * The fault campaign. The account service gives up on a locked row after 1 s (production:
     * 10 s), so the consumer-failure fault reaches the DLQ in seconds; reconciliation starts early;
     * the deep sweep compares the last hour minute by minute every 10 s (production: the last week
     * hour by hour every 10 minutes), so a payment that committed behind the cursor heals within
     * the campaign; held payments are retried every 5 s.
     */
    CHAOS(
            EnumSet.of(LabSeam.PAUSES),
            new Reconciliation(Duration.ofSeconds(10), Duration.ofSeconds(10)),
            3,
            Map.of(
                    "ACCOUNT_DB_LOCK_WAIT_TIMEOUT_S", "1",
                    "ACCOUNT_SWEEP_INITIAL_DELAY", "PT10S",
                    "ACCOUNT_SWEEP_INTERVAL", "PT10S",
                    "ACCOUNT_SWEEP_WIDTH", "PT1M",
                    "ACCOUNT_SWEEP_LOOKBACK", "PT1H",
                    "ACCOUNT_SWEEP_MARGIN", "PT10S",
                    "ACCOUNT_SUSPENSE_INTERVAL", "PT5S"),
            JvmOptions.QUICK),

    /**
     * The benchmark: the naive baseline's endpoint on, and the pause hook off, so nothing of the
     * lab sits in the measured path. Reconciliation and the deep sweep are off, so every credit comes
     * from a message;
     * with nothing left to save a dead letter, a credit may retry longer before it becomes one.
     */
    BENCH(EnumSet.of(LabSeam.NAIVE_ENDPOINT), null, 16, Map.of(), JvmOptions.FULL),

    /**
     * The benchmark as the build runs it (tiny sizes, to prove it runs end to end): the same, but the
     * services' JVMs compile with C1 only, so two cores spend the short run on the run, not on C2.
     */
    BENCH_SMOKE(EnumSet.of(LabSeam.NAIVE_ENDPOINT), null, 16, Map.of(), JvmOptions.SMOKE);

    /** The pay service's lab seams: off in production, each opened by one setting of the lab profile. */
    enum LabSeam {
        /** Holds each payment at the moment the trigger file names (see {@link PauseMoment}). */
        PAUSES,
        /** The original demo's send-after-commit, for the benchmark's naive baseline. */
        NAIVE_ENDPOINT
    }

    /**
     * When the account service's reconciliation job runs.
     *
     * @param firstRun after the account service's first start
     * @param interval between runs, and the first run after a restart
     */
    public record Reconciliation(Duration firstRun, Duration interval) {}

    private final Set<LabSeam> labSeams;
    private final Reconciliation reconciliation;
    private final int maxReconsumeTimes;
    private final Map<String, String> extraAccountEnv;
    private final List<String> serviceJvm;

    StackProfile(
            Set<LabSeam> labSeams,
            Reconciliation reconciliation,
            int maxReconsumeTimes,
            Map<String, String> extraAccountEnv,
            List<String> serviceJvm) {
        this.labSeams = labSeams;
        this.reconciliation = reconciliation;
        this.maxReconsumeTimes = maxReconsumeTimes;
        this.extraAccountEnv = extraAccountEnv;
        this.serviceJvm = serviceJvm;
    }

    /** Empty when the account service does not reconcile. */
    public Optional<Reconciliation> reconciliation() {
        return Optional.ofNullable(reconciliation);
    }

    /** The pay service's command-line arguments: the lab profile and its seams, if any. */
    List<String> payArgs(Workspace workspace) {
        List<String> args = new ArrayList<>();
        if (!labSeams.isEmpty()) {
            args.add("--spring.profiles.active=lab");
        }
        if (labSeams.contains(LabSeam.PAUSES)) {
            args.add("--dtx.lab.pause-file=" + workspace.pauseTrigger());
        }
        if (labSeams.contains(LabSeam.NAIVE_ENDPOINT)) {
            args.add("--dtx.lab.naive-endpoint=true");
        }
        return args;
    }

    /** The account service's tuning; a restart is a later start, when reconciliation may come soon. */
    Map<String, String> accountSettings(boolean restart) {
        Map<String, String> env = new LinkedHashMap<>();
        env.put("ACCOUNT_MQ_CLIENT_INTERVAL_MS", "1000");
        env.put("ACCOUNT_MAX_RECONSUME_TIMES", Integer.toString(maxReconsumeTimes));
        if (reconciliation == null) {
            // Neither safety net runs on its own: every credit is a message's (the benchmark's
            // history part starts both by hand, to time them).
            env.put("ACCOUNT_RECONCILE_ENABLED", "false");
            env.put("ACCOUNT_SWEEP_ENABLED", "false");
        } else {
            Duration first = restart ? reconciliation.interval() : reconciliation.firstRun();
            env.put("ACCOUNT_RECONCILE_INITIAL_DELAY", first.toString());
            env.put("ACCOUNT_RECONCILE_INTERVAL", reconciliation.interval().toString());
        }
        env.putAll(extraAccountEnv);
        return env;
    }

    /**
     * The benchmark watches each cleanup at work, so there they look every 5 s (production: every
     * minute), and the dedup table keeps 30 days (production default: for ever). Each service reads
     * its own variables and ignores the others'.
     */
    Map<String, String> cleanupSettings() {
        if (this != BENCH && this != BENCH_SMOKE) {
            return Map.of();
        }
        return Map.of(
                "PAY_OUTBOX_CLEANUP_INTERVAL", "PT5S",
                "NOTIFIER_CLEANUP_INTERVAL", "PT5S",
                "ACCOUNT_DEDUP_RETENTION", "P30D",
                "ACCOUNT_DEDUP_CLEANUP_INTERVAL", "PT5S");
    }

    List<String> serviceJvm() {
        return serviceJvm;
    }
}
