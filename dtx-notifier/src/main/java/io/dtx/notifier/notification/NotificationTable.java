package io.dtx.notifier.notification;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/**
 * The SQL of {@code notification} and {@code delivery_attempt}, and the only code that touches them.
 * Due times are compared with the database's clock ({@code UTC_TIMESTAMP}), so several notifier
 * instances agree on what is due.
 */
@Repository
class NotificationTable {

    private static final String COLUMNS = "id, subscription_id, tx_no, payload, status, round, attempts,"
            + " first_due_at, next_attempt_at, last_error, delivered_at";
    private static final int ERROR_CHARS = 255;

    private final JdbcTemplate jdbc;

    NotificationTable(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** @return false if this payment was opened for this subscription before (a redelivered message) */
    boolean open(String subscriptionId, String txNo, String payload) {
        return jdbc.update(
                        "INSERT IGNORE INTO notification"
                                + " (subscription_id, tx_no, payload, first_due_at, next_attempt_at)"
                                + " VALUES (?, ?, ?, UTC_TIMESTAMP(3), UTC_TIMESTAMP(3))",
                        subscriptionId,
                        txNo,
                        payload)
                == 1;
    }

    /**
     * Locks due notifications of enabled subscriptions that no other instance holds. The
     * subscription is checked in a subquery, which a locking read does not lock: two instances
     * never wait on each other's subscription rows.
     */
    List<Notification> lockDue(int limit) {
        return jdbc.query(
                "SELECT " + COLUMNS + " FROM notification WHERE status = 'pending'"
                        + " AND next_attempt_at <= UTC_TIMESTAMP(3)"
                        + " AND subscription_id IN (SELECT id FROM subscription WHERE enabled = 1)"
                        + " ORDER BY next_attempt_at LIMIT ? FOR UPDATE SKIP LOCKED",
                NotificationTable::row,
                limit);
    }

    /** The lease: until it ends no instance claims the row again; a crash mid-call only delays the attempt. */
    void lease(long id, Duration lease) {
        jdbc.update(
                "UPDATE notification SET next_attempt_at = DATE_ADD(UTC_TIMESTAMP(3), INTERVAL ? MICROSECOND)"
                        + " WHERE id = ?",
                lease.toNanos() / 1000,
                id);
    }

    /**
     * Moves the notification past a finished attempt, if it is still where the attempt found it
     * (a person's re-send in between starts a new round, which this attempt must not touch).
     */
    boolean advance(Notification n, String status, Instant nextAttemptAt, String error) {
        return jdbc.update(
                        "UPDATE notification SET status = ?, attempts = attempts + 1, next_attempt_at = ?,"
                                + " last_error = ?, delivered_at = IF(? = 'delivered', UTC_TIMESTAMP(3), NULL),"
                                + " update_time = UTC_TIMESTAMP(3) WHERE id = ? AND round = ? AND attempts = ?",
                        status,
                        utc(nextAttemptAt),
                        truncate(error),
                        status,
                        n.id(),
                        n.round(),
                        n.attempts())
                == 1;
    }

    void log(DeliveryAttempt a) {
        jdbc.update(
                "INSERT INTO delivery_attempt (notification_id, round, attempt, due_at, started_at, latency_ms,"
                        + " http_status, outcome, error) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
                a.notificationId(),
                a.round(),
                a.attempt(),
                utc(a.dueAt()),
                utc(a.startedAt()),
                a.latencyMillis(),
                a.httpStatus(),
                a.outcome(),
                truncate(a.error()));
    }

    /** A new round from now, whatever the state: for one payment, or every one created in [from, to). */
    int restart(String txNo, String subscriptionId) {
        return jdbc.update(
                "UPDATE notification SET " + RESTART + " WHERE tx_no = ? AND (? IS NULL OR subscription_id = ?)",
                txNo,
                subscriptionId,
                subscriptionId);
    }

    int restartCreatedBetween(Instant from, Instant to) {
        return jdbc.update(
                "UPDATE notification SET " + RESTART + " WHERE create_time >= ? AND create_time < ?",
                utc(from),
                utc(to));
    }

    private static final String RESTART = "status = 'pending', round = round + 1, attempts = 0,"
            + " first_due_at = UTC_TIMESTAMP(3), next_attempt_at = UTC_TIMESTAMP(3), last_error = NULL,"
            + " delivered_at = NULL, update_time = UTC_TIMESTAMP(3)";

    List<Notification> ofPayment(String txNo) {
        return jdbc.query(
                "SELECT " + COLUMNS + " FROM notification WHERE tx_no = ? ORDER BY subscription_id",
                NotificationTable::row,
                txNo);
    }

    List<Notification> withStatus(String status, int limit) {
        return jdbc.query(
                "SELECT " + COLUMNS + " FROM notification WHERE status = ? ORDER BY update_time DESC LIMIT ?",
                NotificationTable::row,
                status,
                limit);
    }

    List<DeliveryAttempt> attemptsOf(long notificationId) {
        return jdbc.query(
                "SELECT notification_id, round, attempt, due_at, started_at, latency_ms, http_status, outcome, error"
                        + " FROM delivery_attempt WHERE notification_id = ? ORDER BY id",
                (rs, n) -> new DeliveryAttempt(
                        rs.getLong("notification_id"),
                        rs.getInt("round"),
                        rs.getInt("attempt"),
                        instant(rs, "due_at"),
                        instant(rs, "started_at"),
                        rs.getLong("latency_ms"),
                        (Integer) rs.getObject("http_status", Integer.class),
                        rs.getString("outcome"),
                        rs.getString("error")),
                notificationId);
    }

    long countWithStatus(String status) {
        return jdbc.queryForObject("SELECT COUNT(*) FROM notification WHERE status = ?", Long.class, status);
    }

    Optional<Notification> find(long id) {
        return jdbc.query("SELECT " + COLUMNS + " FROM notification WHERE id = ?", NotificationTable::row, id).stream()
                .findFirst();
    }

    private static Notification row(ResultSet rs, int n) throws SQLException {
        return new Notification(
                rs.getLong("id"),
                rs.getString("subscription_id"),
                rs.getString("tx_no"),
                rs.getString("payload"),
                rs.getString("status"),
                rs.getInt("round"),
                rs.getInt("attempts"),
                instant(rs, "first_due_at"),
                instant(rs, "next_attempt_at"),
                rs.getString("last_error"),
                instant(rs, "delivered_at"));
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        LocalDateTime value = rs.getObject(column, LocalDateTime.class);
        return value == null ? null : value.toInstant(ZoneOffset.UTC);
    }

    private static LocalDateTime utc(Instant instant) {
        return instant == null ? null : LocalDateTime.ofInstant(instant, ZoneOffset.UTC);
    }

    private static String truncate(String text) {
        return text == null || text.length() <= ERROR_CHARS ? text : text.substring(0, ERROR_CHARS);
    }
}
