package io.dtx.notifier.notification;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/**
 * The SQL of {@code notification} and {@code delivery_attempt}, and the only code that touches them
 * (but for the retention's deletes, in {@code retention.ExpiredNotifications}).
 * Due times are compared with the database's clock ({@code UTC_TIMESTAMP}), so several notifier
 * instances agree on what is due.
 */
@Repository
class NotificationTable {

    private static final String COLUMNS = "id, subscription_id, tx_no, payload, status, round, attempts,"
            + " first_due_at, next_attempt_at, lease_token, last_error, delivered_at";
    private static final int ERROR_CHARS = 255;

    private final JdbcTemplate jdbc;

    NotificationTable(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** Opens it, unless this payment was opened for this subscription before (a redelivered message). */
    void open(String subscriptionId, String txNo, String payload) {
        jdbc.update(
                // Not INSERT IGNORE: that would also turn a payload too long into a warning.
                "INSERT INTO notification (subscription_id, tx_no, payload, first_due_at, next_attempt_at)"
                        + " VALUES (?, ?, ?, UTC_TIMESTAMP(3), UTC_TIMESTAMP(3))"
                        + " ON DUPLICATE KEY UPDATE id = id",
                subscriptionId,
                txNo,
                payload);
    }

    /**
     * Locks due notifications of the given subscriptions (those enabled, which this instance can
     * sign for) that no other instance holds. The ids come from the caller, not a join or subquery:
     * a locking read would lock the subscription rows too, on some servers, and two instances would
     * then skip each other's whole subscriptions.
     */
    List<Notification> lockDue(List<String> subscriptionIds, int limit) {
        String in = String.join(",", subscriptionIds.stream().map(id -> "?").toList());
        List<Object> args = new ArrayList<>(subscriptionIds);
        args.add(limit);
        return jdbc.query(
                "SELECT " + COLUMNS + " FROM notification WHERE status = 'pending'"
                        + " AND next_attempt_at <= UTC_TIMESTAMP(3) AND subscription_id IN (" + in + ")"
                        + " ORDER BY next_attempt_at LIMIT ? FOR UPDATE SKIP LOCKED",
                NotificationTable::row,
                args.toArray());
    }

    /**
     * The lease: until it ends no instance claims the row again, and only the claim holding
     * {@code token} may record the attempt. A crash mid-call only delays the attempt.
     */
    void lease(long id, Duration lease, String token) {
        jdbc.update(
                "UPDATE notification SET next_attempt_at = DATE_ADD(UTC_TIMESTAMP(3), INTERVAL ? MICROSECOND),"
                        + " lease_token = ? WHERE id = ?",
                lease.toNanos() / 1000,
                token,
                id);
    }

    /**
     * Moves the notification past a finished attempt, if this attempt's claim still holds it: not
     * if its lease ran out and another claim took the row, nor if a person's re-send started a new
     * round meanwhile.
     */
    boolean advance(Notification n, String status, Instant nextAttemptAt, String error) {
        return jdbc.update(
                        "UPDATE notification SET status = ?, attempts = attempts + 1, next_attempt_at = ?,"
                                + " lease_token = NULL, last_error = ?,"
                                + " delivered_at = CASE WHEN ? = 'delivered' THEN UTC_TIMESTAMP(3) END,"
                                + " update_time = UTC_TIMESTAMP(3)"
                                + " WHERE id = ? AND round = ? AND attempts = ? AND lease_token = ?"
                                + " AND status = 'pending'",
                        status,
                        utc(nextAttemptAt),
                        truncate(error),
                        status,
                        n.id(),
                        n.round(),
                        n.attempts(),
                        n.leaseToken())
                == 1;
    }

    /**
     * An acknowledgement that came back after its claim was overtaken still counts: the receiver
     * has the notification. Nothing else of a superseded attempt is applied.
     */
    boolean deliveredLate(Notification n) {
        return jdbc.update(
                        "UPDATE notification SET status = 'delivered', delivered_at = UTC_TIMESTAMP(3),"
                                + " lease_token = NULL, update_time = UTC_TIMESTAMP(3)"
                                + " WHERE id = ? AND round = ? AND status = 'pending'",
                        n.id(),
                        n.round())
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

    /**
     * A new round, due now; but a row under a lease (an attempt in flight) keeps its lease, so the
     * new round's first call never goes out beside the old round's last one.
     */
    private static final String RESTART = "status = 'pending', round = round + 1, attempts = 0,"
            + " first_due_at = UTC_TIMESTAMP(3), next_attempt_at = CASE WHEN lease_token IS NULL"
            + " THEN UTC_TIMESTAMP(3) ELSE GREATEST(next_attempt_at, UTC_TIMESTAMP(3)) END, last_error = NULL,"
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
                rs.getString("lease_token"),
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
