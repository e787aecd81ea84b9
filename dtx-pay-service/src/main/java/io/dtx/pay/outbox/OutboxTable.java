package io.dtx.pay.outbox;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/**
 * The SQL of {@code bank1_pay.mq_notify}, and the only code that touches it. Plain JDBC, so the
 * locking the relay relies on ({@code FOR UPDATE SKIP LOCKED}) stays visible. Every time is the
 * database's clock ({@code UTC_TIMESTAMP}), so several pay instances agree on what is due.
 */
@Repository
class OutboxTable {

    static final String INIT = "init";
    static final String FINISH = "finish";
    static final String GAVE_UP = "gave_up";

    private static final String COLUMNS =
            "id, tx_no, message, retry, status, attempts, next_attempt_at, last_error, create_time";
    private static final int ERROR_CHARS = 255;

    private final JdbcTemplate jdbc;

    OutboxTable(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** The message row, written in the payment's transaction; the relay leaves it alone for {@code grace}. */
    long insert(String txNo, String message, int sends, Duration grace) {
        jdbc.update(
                "INSERT INTO mq_notify (tx_no, message, retry, next_attempt_at)"
                        + " VALUES (?, ?, ?, DATE_ADD(UTC_TIMESTAMP(3), INTERVAL ? MICROSECOND))",
                txNo,
                message,
                sends,
                micros(grace));
        return jdbc.queryForObject("SELECT LAST_INSERT_ID()", Long.class);
    }

    /**
     * Locks the most overdue row that no other transaction holds: several relays (one per pay
     * instance) each get a different row and never send one at the same moment. Run under READ
     * COMMITTED, so only that row is locked, not the gaps where new payments insert theirs.
     */
    Optional<OutboxRow> claimNextDue() {
        return jdbc
                .query(
                        "SELECT " + COLUMNS + " FROM mq_notify WHERE status = 'init'"
                                + " AND next_attempt_at <= UTC_TIMESTAMP(3) ORDER BY next_attempt_at LIMIT 1"
                                + " FOR UPDATE SKIP LOCKED",
                        OutboxTable::row)
                .stream()
                .findFirst();
    }

    /** Locks a row for the send right after commit; empty if it was tried already or a relay holds it. */
    Optional<OutboxRow> claim(long id) {
        return jdbc
                .query(
                        "SELECT " + COLUMNS
                                + " FROM mq_notify WHERE id = ? AND status = 'init' AND attempts = 0 AND yn = 1"
                                + " FOR UPDATE SKIP LOCKED",
                        OutboxTable::row,
                        id)
                .stream()
                .findFirst();
    }

    void finish(long id) {
        jdbc.update(
                "UPDATE mq_notify SET status = 'finish', attempts = attempts + 1, last_error = NULL,"
                        + " update_time = UTC_TIMESTAMP(3) WHERE id = ?",
                id);
    }

    /**
     * One send less; the last one gives the row up. (status is assigned before retry, so it reads
     * the old value on MySQL and MariaDB alike.)
     */
    void failed(long id, Duration nextIn, String error) {
        jdbc.update(
                "UPDATE mq_notify SET status = IF(retry <= 1, 'gave_up', 'init'), retry = GREATEST(retry - 1, 0),"
                        + " attempts = attempts + 1, last_error = ?,"
                        + " next_attempt_at = DATE_ADD(UTC_TIMESTAMP(3), INTERVAL ? MICROSECOND),"
                        + " update_time = UTC_TIMESTAMP(3) WHERE id = ?",
                truncate(error),
                micros(nextIn),
                id);
    }

    /** A row that must never be sent as it is: given up at once, for a person. */
    void giveUp(long id, String reason) {
        jdbc.update(
                "UPDATE mq_notify SET status = 'gave_up', retry = 0, last_error = ?, update_time = UTC_TIMESTAMP(3)"
                        + " WHERE id = ?",
                truncate(reason),
                id);
    }

    /** A person's re-drive: a given-up row gets {@code sends} sends again, due now. */
    boolean redrive(String txNo, int sends) {
        return jdbc.update(
                        "UPDATE mq_notify SET status = 'init', retry = ?, next_attempt_at = UTC_TIMESTAMP(3),"
                                + " update_time = UTC_TIMESTAMP(3) WHERE tx_no = ? AND status = 'gave_up'",
                        sends,
                        txNo)
                == 1;
    }

    Optional<OutboxRow> find(String txNo) {
        return jdbc.query("SELECT " + COLUMNS + " FROM mq_notify WHERE tx_no = ?", OutboxTable::row, txNo).stream()
                .findFirst();
    }

    List<OutboxRow> withStatus(String status, int limit) {
        return jdbc.query(
                "SELECT " + COLUMNS + " FROM mq_notify WHERE status = ? AND yn = 1 ORDER BY id LIMIT ?",
                OutboxTable::row,
                status,
                limit);
    }

    /** Rows not acknowledged yet, given-up rows, and the age of the oldest pending row (the lag). */
    OutboxBacklog backlog() {
        return jdbc.queryForObject(
                "SELECT SUM(status = 'init') AS pending, SUM(status = 'gave_up') AS gave_up,"
                        + " TIMESTAMPDIFF(MICROSECOND, MIN(IF(status = 'init', create_time, NULL)), UTC_TIMESTAMP(3))"
                        + " AS lag_micros FROM mq_notify WHERE status IN ('init', 'gave_up') AND yn = 1",
                (rs, n) -> new OutboxBacklog(
                        rs.getLong("pending"),
                        rs.getLong("gave_up"),
                        Duration.ofNanos(rs.getLong("lag_micros") * 1000)));
    }

    /** Clears the valid flag of finished rows older than {@code age}; at most {@code limit} rows. */
    int retire(Duration age, int limit) {
        return jdbc.update(
                "UPDATE mq_notify SET yn = 0, update_time = UTC_TIMESTAMP(3) WHERE yn = 1 AND status = 'finish'"
                        + " AND update_time < DATE_SUB(UTC_TIMESTAMP(3), INTERVAL ? MICROSECOND) LIMIT ?",
                micros(age),
                limit);
    }

    /** Removes retired rows older than {@code age}; only finished ones, at most {@code limit}. */
    int purge(Duration age, int limit) {
        return jdbc.update(
                "DELETE FROM mq_notify WHERE yn = 0 AND status = 'finish'"
                        + " AND update_time < DATE_SUB(UTC_TIMESTAMP(3), INTERVAL ? MICROSECOND) LIMIT ?",
                micros(age),
                limit);
    }

    private static OutboxRow row(ResultSet rs, int rowNum) throws SQLException {
        return new OutboxRow(
                rs.getLong("id"),
                rs.getString("tx_no"),
                rs.getString("message"),
                rs.getInt("retry"),
                rs.getString("status"),
                rs.getInt("attempts"),
                rs.getObject("next_attempt_at", LocalDateTime.class),
                rs.getString("last_error"),
                rs.getObject("create_time", LocalDateTime.class));
    }

    private static long micros(Duration duration) {
        return duration.toNanos() / 1000;
    }

    private static String truncate(String error) {
        return error == null || error.length() <= ERROR_CHARS ? error : error.substring(0, ERROR_CHARS);
    }
}
