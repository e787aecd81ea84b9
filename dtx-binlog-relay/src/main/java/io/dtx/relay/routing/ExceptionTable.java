package io.dtx.relay.routing;

import io.dtx.relay.binlog.BinlogPosition;
import io.dtx.relay.binlog.PaymentRow;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/** {@code dtx_relay.relay_exception}: what could not be routed, kept whole until it is. */
@Repository
public class ExceptionTable {

    private static final String COLUMNS = "tx_no, account_no, amount, paid_at, thread_id, db_user, reason, status,"
            + " environment, routed_by, attempts, created_at";

    private final JdbcTemplate jdbc;

    ExceptionTable(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** Keeps a payment back; reading the same transaction again (after a restart) keeps the first row. */
    public void keep(PaymentRow payment, long threadId, Route.Unroutable why, BinlogPosition at) {
        jdbc.update(
                "INSERT INTO relay_exception (tx_no, account_no, amount, paid_at, thread_id, db_user, reason,"
                        + " binlog_file, binlog_offset) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)"
                        + " ON DUPLICATE KEY UPDATE tx_no = tx_no",
                payment.txNo(),
                payment.accountNo(),
                payment.amount(),
                Timestamp.from(payment.paidAt()),
                threadId,
                why.user(),
                why.reason(),
                at.file(),
                at.offset());
    }

    public List<RelayException> withStatus(String status, int limit) {
        return jdbc.query(
                "SELECT " + COLUMNS + " FROM relay_exception WHERE status = ? ORDER BY created_at LIMIT ?",
                ExceptionTable::read,
                status,
                limit);
    }

    public Optional<RelayException> find(String txNo) {
        return jdbc
                .query("SELECT " + COLUMNS + " FROM relay_exception WHERE tx_no = ?", ExceptionTable::read, txNo)
                .stream()
                .findFirst();
    }

    /** A person names the environment; the compensation job publishes it. */
    public boolean assign(String txNo, String environment) {
        return jdbc.update(
                        "UPDATE relay_exception SET environment = ?, routed_by = 'person',"
                                + " updated_at = CURRENT_TIMESTAMP(3) WHERE tx_no = ? AND status = 'open'",
                        environment,
                        txNo)
                == 1;
    }

    public void published(String txNo, String environment, String routedBy) {
        jdbc.update(
                "UPDATE relay_exception SET status = 'published', environment = ?, routed_by = ?,"
                        + " attempts = attempts + 1, updated_at = CURRENT_TIMESTAMP(3) WHERE tx_no = ?",
                environment,
                routedBy,
                txNo);
    }

    public void triedAgain(String txNo) {
        jdbc.update(
                "UPDATE relay_exception SET attempts = attempts + 1, updated_at = CURRENT_TIMESTAMP(3)"
                        + " WHERE tx_no = ?",
                txNo);
    }

    public long countOpen() {
        Long open = jdbc.queryForObject("SELECT COUNT(*) FROM relay_exception WHERE status = 'open'", Long.class);
        return open == null ? 0 : open;
    }

    private static RelayException read(ResultSet row, int n) throws SQLException {
        PaymentRow payment = new PaymentRow(
                row.getString("tx_no"),
                row.getString("account_no"),
                row.getBigDecimal("amount"),
                PaymentRow.SUCCESS,
                row.getTimestamp("paid_at").toInstant());
        return new RelayException(
                payment,
                row.getLong("thread_id"),
                row.getString("db_user"),
                row.getString("reason"),
                row.getString("status"),
                row.getString("environment"),
                row.getString("routed_by"),
                row.getInt("attempts"),
                row.getTimestamp("created_at").toInstant());
    }
}
