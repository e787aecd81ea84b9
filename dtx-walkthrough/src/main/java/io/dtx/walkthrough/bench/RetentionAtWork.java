package io.dtx.walkthrough.bench;

import io.dtx.walkthrough.probe.Databases;
import io.dtx.walkthrough.probe.Waits;
import io.dtx.walkthrough.stack.LocalStack;
import io.dtx.walkthrough.stack.NotifierSetup;
import io.dtx.walkthrough.stack.Workspace;
import java.io.PrintStream;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * Each bounded table's cleanup at work. Rows already past their retention are written straight
 * into the table (as if the service had run for weeks); the service's own scheduled job then
 * removes them, while the benchmark counts what is left, in the database. The rate is the rows
 * over the time from the last count that still saw all of them to the first that saw none, so the
 * counting interval can only make it lower, never higher.
 *
 * @param cleanups one per bounded table
 */
record RetentionAtWork(List<Cleanup> cleanups) {

    /**
     * @param table         the table
     * @param job           the job that removes its rows, and when
     * @param rows          rows written past their retention
     * @param seconds       from the last count that saw them all to the first that saw none
     * @param rowsPerSecond rows removed per second
     */
    record Cleanup(String table, String job, long rows, double seconds, double rowsPerSecond) {}

    /** One table's aged rows: how to write a chunk of them (numbers k as a table), and how to count them. */
    private record Aged(String schema, String table, String job, String insert, String count) {}

    private static final int CHUNK = 100_000;
    private static final Duration TIMEOUT = Duration.ofMinutes(10);
    private static final Duration POLL = Duration.ofMillis(250);

    private static final Aged DEDUP = new Aged(
            "bank1",
            "bank1.de_duplication",
            "DedupCleanup: paid more than ACCOUNT_DEDUP_RETENTION ago (30 days here), through remove_old_credits",
            "INSERT INTO de_duplication (tx_no, account_no, amount, applied_by, paid_at, create_time)"
                    + " SELECT CONCAT(?, MD5(k)), 'retention', 1.00, 'MESSAGE', t, t"
                    + " FROM (SELECT UTC_TIMESTAMP(3) - INTERVAL 40 DAY AS t) a CROSS JOIN (%s) n",
            "SELECT COUNT(*) FROM de_duplication WHERE tx_no LIKE ?");
    private static final Aged OUTBOX = new Aged(
            "bank1_pay",
            "bank1_pay.mq_notify",
            "OutboxCleanup in every pay instance: retired rows a day after retiring (PAY_OUTBOX_PURGE_AFTER)",
            "INSERT INTO mq_notify (tx_no, message, retry, status, yn, attempts, create_time, update_time)"
                    + " SELECT CONCAT(?, MD5(k)), '{}', 3, 'finish', 0, 1, t, t"
                    + " FROM (SELECT UTC_TIMESTAMP(3) - INTERVAL 2 DAY AS t) a CROSS JOIN (%s) n",
            "SELECT COUNT(*) FROM mq_notify WHERE tx_no LIKE ?");
    private static final Aged NOTIFICATIONS = new Aged(
            "dtx_notify",
            "dtx_notify.notification (+ delivery_attempt)",
            "DeliveredCleanup: delivered more than NOTIFIER_RETENTION ago (30 days), each with its attempt",
            "INSERT INTO notification (subscription_id, tx_no, payload, status, attempts, first_due_at,"
                    + " next_attempt_at, delivered_at, create_time, update_time)"
                    + " SELECT 'account-service', CONCAT(?, MD5(k)), '{}', 'delivered', 1, t, t, t, t, t"
                    + " FROM (SELECT UTC_TIMESTAMP(3) - INTERVAL 31 DAY AS t) a CROSS JOIN (%s) n",
            "SELECT COUNT(*) FROM notification WHERE subscription_id = 'account-service' AND tx_no LIKE ?");

    static RetentionAtWork measure(
            Databases db, LocalStack stack, Workspace workspace, int rows, String run, PrintStream out) {
        out.println("== retention: " + rows + " rows past their retention in each bounded table");
        String prefix = "r" + run + "-";
        List<Cleanup> cleanups = new ArrayList<>();
        cleanups.add(watch(db, DEDUP, rows, prefix, out));
        cleanups.add(watch(db, OUTBOX, rows, prefix, out));
        // The notifier ran only for its own measurement; its cleanup needs it up again.
        stack.notifier()
                .start(new NotifierSetup(
                        workspace.accountUrl() + "/accounts/callbacks/recharges", "alipay", 1, Duration.ofSeconds(10)));
        try {
            cleanups.add(watch(db, NOTIFICATIONS, rows, prefix, out));
        } finally {
            stack.notifier().stop();
        }
        return new RetentionAtWork(cleanups);
    }

    private static Cleanup watch(Databases db, Aged aged, int rows, String prefix, PrintStream out) {
        write(db, aged, rows, prefix);
        long lastFull = System.nanoTime();
        long deadline = lastFull + TIMEOUT.toNanos();
        long left = rows;
        while (left > 0) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException(aged.table() + ": " + left + " of " + rows + " rows still there after "
                        + TIMEOUT.toMinutes() + " minutes");
            }
            Waits.sleep(POLL.toMillis());
            long before = System.nanoTime();
            left = db.scalar(aged.schema(), aged.count(), Long.class, prefix + "%");
            if (left == rows) {
                lastFull = before;
            }
        }
        if (aged == NOTIFICATIONS) {
            requireAttemptsGone(db);
        }
        double seconds = (System.nanoTime() - lastFull) / 1e9;
        Cleanup cleanup = new Cleanup(
                aged.table(), aged.job(), rows, Stats.round(seconds), Stats.round(rows / Math.max(1e-3, seconds)));
        out.printf(
                "  %-44s %d rows removed in %.1f s: %.0f rows/s%n",
                aged.table(), rows, seconds, cleanup.rowsPerSecond());
        return cleanup;
    }

    private static void write(Databases db, Aged aged, int rows, String prefix) {
        for (long first = 0; first < rows; first += CHUNK) {
            String numbers = HistoryRows.numbers(first, Math.min(rows, first + CHUNK));
            db.update(aged.schema(), String.format(aged.insert(), numbers), prefix);
        }
        if (aged == NOTIFICATIONS) {
            db.update(
                    "dtx_notify",
                    "INSERT INTO delivery_attempt (notification_id, round, attempt, due_at, started_at, latency_ms,"
                            + " http_status, outcome)"
                            + " SELECT id, 1, 1, first_due_at, first_due_at, 5, 200, 'acknowledged' FROM notification"
                            + " WHERE subscription_id = 'account-service' AND tx_no LIKE ?",
                    prefix + "%");
        }
        long written = db.scalar(aged.schema(), aged.count(), Long.class, prefix + "%");
        if (written != rows) {
            throw new IllegalStateException(aged.table() + ": wrote " + written + " aged rows, not " + rows);
        }
    }

    /** The attempts went with their notifications: none is left without one. */
    private static void requireAttemptsGone(Databases db) {
        long orphans = db.scalar(
                "dtx_notify",
                "SELECT COUNT(*) FROM delivery_attempt a LEFT JOIN notification n ON n.id = a.notification_id"
                        + " WHERE n.id IS NULL",
                Long.class);
        if (orphans > 0) {
            throw new IllegalStateException(orphans + " delivery attempts left without their notification");
        }
    }
}
