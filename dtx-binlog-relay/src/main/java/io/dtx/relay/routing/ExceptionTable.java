package io.dtx.relay.routing;

import io.dtx.contract.MessageSigning.Signature;
import io.dtx.relay.binlog.BinlogPosition;
import io.dtx.relay.binlog.PaymentRow;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/** {@code dtx_relay.relay_exception}: what could not be routed, kept whole until it is. */
@Repository
public class ExceptionTable {

    private static final String COLUMNS = "tx_no, account_no, amount, paid_at, thread_id, db_user, reason, status,"
            + " environment, routed_by, attempts, created_at, seal_key_id, seal";

    private final JdbcTemplate jdbc;
    private final RowSeal seal;
    /** This relay's name: its claims are its own, and only its own are reopened at its start. */
    private final String relayName;

    ExceptionTable(JdbcTemplate jdbc, RowSeal seal, @Value("${dtx.relay.name:binlog-relay}") String relayName) {
        this.jdbc = jdbc;
        this.seal = seal;
        this.relayName = relayName;
    }

    /** Keeps a payment back; reading the same transaction again (after a restart) keeps the first row. */
    public void keep(PaymentRow payment, long threadId, Route.Unroutable why, BinlogPosition at) {
        Signature sealed = seal.of(payment, threadId, why.user(), null);
        jdbc.update(
                "INSERT INTO relay_exception (tx_no, account_no, amount, paid_at, thread_id, db_user, reason,"
                        + " binlog_file, binlog_offset, seal_key_id, seal) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"
                        + " ON DUPLICATE KEY UPDATE tx_no = tx_no",
                payment.txNo(),
                payment.accountNo(),
                payment.amount(),
                Timestamp.from(payment.paidAt()),
                threadId,
                why.user(),
                why.reason(),
                at.file(),
                at.offset(),
                sealed.keyId(),
                sealed.value());
    }

    /**
     * Open rows compensation can act on: a person named their environment (these first), or their
     * user is mapped by now. Rows of unmapped users and rows whose thread was gone wait for a
     * person without crowding these out, however many there are.
     */
    public List<KeptPayment> actionable(Collection<String> mappedUsers, int limit) {
        List<Object> args = new ArrayList<>(mappedUsers);
        args.add(limit);
        String users = mappedUsers.isEmpty()
                ? ""
                : " OR db_user IN (" + String.join(", ", Collections.nCopies(mappedUsers.size(), "?")) + ")";
        return jdbc.query(
                "SELECT " + COLUMNS + " FROM relay_exception WHERE status = 'open' AND (environment IS NOT NULL" + users
                        + ") ORDER BY environment IS NULL, created_at LIMIT ?",
                ExceptionTable::read,
                args.toArray());
    }

    /**
     * Takes an open row for publishing, if it is still as it was read (a person may have named an
     * environment since): one publisher per row, and never over a person's choice.
     */
    public boolean claim(String txNo, String environmentAsRead) {
        return jdbc.update(
                        "UPDATE relay_exception SET status = 'publishing', claimed_by = ?,"
                                + " updated_at = CURRENT_TIMESTAMP(3)"
                                + " WHERE tx_no = ? AND status = 'open' AND environment <=> ?",
                        relayName,
                        txNo,
                        environmentAsRead)
                == 1;
    }

    /** A claim whose publishing failed goes back to open; at start, claims a crash left behind too. */
    public void release(String txNo) {
        jdbc.update(
                "UPDATE relay_exception SET status = 'open', attempts = attempts + 1,"
                        + " updated_at = CURRENT_TIMESTAMP(3) WHERE tx_no = ? AND status = 'publishing'",
                txNo);
    }

    public int releaseAll() {
        return jdbc.update(
                "UPDATE relay_exception SET status = 'open' WHERE status = 'publishing' AND claimed_by = ?", relayName);
    }

    /** The payment is in the table, whatever its status: its environment is decided there, not here. */
    public boolean isKept(String txNo) {
        Long rows = jdbc.queryForObject("SELECT COUNT(*) FROM relay_exception WHERE tx_no = ?", Long.class, txNo);
        return rows != null && rows > 0;
    }

    /** A kept row that does not match its payment in bank1_pay: never published. */
    public void refuse(String txNo, String why) {
        jdbc.update(
                "UPDATE relay_exception SET status = 'refused', reason = ?, updated_at = CURRENT_TIMESTAMP(3)"
                        + " WHERE tx_no = ? AND status = 'publishing'",
                why,
                txNo);
    }

    /**
     * Whether the row says what {@code bank1_pay.account_pay} says of the payment: anyone who could
     * write a row here must not get a signed credit out of it.
     */
    public boolean matchesLedger(KeptPayment row) {
        List<Boolean> match = jdbc.query(
                "SELECT account_no = ? AND pay_amount = ? AND result = 'success'"
                        + " FROM bank1_pay.account_pay WHERE id = ?",
                (rs, n) -> rs.getBoolean(1),
                row.payment().accountNo(),
                row.payment().amount(),
                row.payment().txNo());
        return match.size() == 1 && match.get(0);
    }

    public List<KeptPayment> withStatus(String status, int limit) {
        return jdbc.query(
                "SELECT " + COLUMNS + " FROM relay_exception WHERE status = ? ORDER BY created_at LIMIT ?",
                ExceptionTable::read,
                status,
                limit);
    }

    public Optional<KeptPayment> find(String txNo) {
        return jdbc
                .query("SELECT " + COLUMNS + " FROM relay_exception WHERE tx_no = ?", ExceptionTable::read, txNo)
                .stream()
                .findFirst();
    }

    /**
     * A person names the environment of an open row; the compensation job publishes it. The row is
     * sealed again with it, but only if its old seal holds: a row the relay did not write stays
     * unpublishable, whoever names its environment.
     */
    public boolean assign(String txNo, String environment) {
        Optional<KeptPayment> row = find(txNo).filter(r -> KeptPayment.OPEN.equals(r.status()));
        if (row.isEmpty()) {
            return false;
        }
        KeptPayment kept = row.get();
        Signature sealed = seal.holds(kept)
                ? seal.of(kept.payment(), kept.threadId(), kept.user(), environment)
                : new Signature("-", "-");
        return jdbc.update(
                        "UPDATE relay_exception SET environment = ?, routed_by = 'person', seal_key_id = ?, seal = ?,"
                                + " updated_at = CURRENT_TIMESTAMP(3)"
                                + " WHERE tx_no = ? AND status = 'open' AND environment <=> ?",
                        environment,
                        sealed.keyId(),
                        sealed.value(),
                        txNo,
                        kept.environment())
                == 1;
    }

    /** Whether the row is as the relay wrote it, with the environment a person named through its API. */
    public boolean sealHolds(KeptPayment row) {
        return seal.holds(row);
    }

    public void published(String txNo, String environment, String routedBy) {
        jdbc.update(
                "UPDATE relay_exception SET status = 'published', environment = ?, routed_by = ?,"
                        + " attempts = attempts + 1, updated_at = CURRENT_TIMESTAMP(3)"
                        + " WHERE tx_no = ? AND status = 'publishing'",
                environment,
                routedBy,
                txNo);
    }

    public long countOpen() {
        Long open = jdbc.queryForObject("SELECT COUNT(*) FROM relay_exception WHERE status = 'open'", Long.class);
        return open == null ? 0 : open;
    }

    private static KeptPayment read(ResultSet row, int n) throws SQLException {
        PaymentRow payment = new PaymentRow(
                row.getString("tx_no"),
                row.getString("account_no"),
                row.getBigDecimal("amount"),
                PaymentRow.SUCCESS,
                row.getTimestamp("paid_at").toInstant());
        return new KeptPayment(
                payment,
                row.getLong("thread_id"),
                row.getString("db_user"),
                row.getString("reason"),
                row.getString("status"),
                row.getString("environment"),
                row.getString("routed_by"),
                row.getInt("attempts"),
                row.getTimestamp("created_at").toInstant(),
                row.getString("seal") == null
                        ? null
                        : new Signature(row.getString("seal_key_id"), row.getString("seal")));
    }
}
