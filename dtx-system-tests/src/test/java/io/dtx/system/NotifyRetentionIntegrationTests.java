package io.dtx.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * The notifier's retention (30 days by default) at work in its real database: a notification
 * delivered 31 days ago goes, with its attempts; one delivered yesterday stays, and so does one
 * that gave up long ago (a person may still re-send it). The rows are written by hand with old
 * timestamps; the notifier's own cleanup runs every second in this stack.
 */
class NotifyRetentionIntegrationTests {

    private final NotifyStack stack = NotifyStack.get();

    @Test
    void removesDeliveredNotificationsPastTheirRetentionWithTheirAttemptsAndNothingElse() {
        String tag = "retention-" + UUID.randomUUID();
        long expired = notification(tag + "-expired", "delivered", 31);
        long recent = notification(tag + "-recent", "delivered", 1);
        long gaveUp = notification(tag + "-gave-up", "gave_up", 40);

        await().atMost(Duration.ofSeconds(30))
                .pollInterval(Duration.ofMillis(200))
                .until(() -> rows("notification", "id", expired) == 0);

        assertThat(rows("delivery_attempt", "notification_id", expired)).isZero();
        assertThat(rows("notification", "id", recent)).isOne();
        assertThat(rows("delivery_attempt", "notification_id", recent)).isOne();
        assertThat(rows("notification", "id", gaveUp)).isOne();
        assertThat(rows("delivery_attempt", "notification_id", gaveUp)).isOne();
    }

    /** A finished notification {@code daysAgo} old, with the one attempt that finished it. */
    private long notification(String txNo, String status, int daysAgo) {
        stack.db.update(
                "dtx_notify",
                "INSERT INTO notification (subscription_id, tx_no, payload, status, attempts, first_due_at,"
                        + " next_attempt_at, create_time, update_time) SELECT 'account-service', ?, '{}', ?, 1,"
                        + " at, at, at, at FROM (SELECT UTC_TIMESTAMP(3) - INTERVAL ? DAY AS at) t",
                txNo,
                status,
                daysAgo);
        stack.db.update(
                "dtx_notify",
                "UPDATE notification SET delivered_at = create_time WHERE tx_no = ? AND status = 'delivered'",
                txNo);
        long id = stack.db.scalar("dtx_notify", "SELECT id FROM notification WHERE tx_no = ?", Long.class, txNo);
        stack.db.update(
                "dtx_notify",
                "INSERT INTO delivery_attempt (notification_id, round, attempt, due_at, started_at, latency_ms,"
                        + " outcome) SELECT id, 1, 1, first_due_at, first_due_at, 5,"
                        + " IF(status = 'delivered', 'acknowledged', 'failed') FROM notification WHERE id = ?",
                id);
        return id;
    }

    private long rows(String table, String column, long id) {
        return stack.db.scalar(
                "dtx_notify", "SELECT COUNT(*) FROM " + table + " WHERE " + column + " = ?", Long.class, id);
    }
}
