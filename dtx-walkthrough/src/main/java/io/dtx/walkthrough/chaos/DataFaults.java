package io.dtx.walkthrough.chaos;

import io.dtx.walkthrough.probe.Databases;
import io.dtx.walkthrough.probe.DeadLetters;
import io.dtx.walkthrough.probe.Waits;
import io.dtx.walkthrough.stack.LocalStack;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** The database misbehaving: connections cut, a row lock held, a transaction stalled. */
final class DataFaults {

    private static final String CURSOR = "SELECT cursor_value FROM bank1.reconcile_cursor WHERE name = 'pay-feed'";

    private final LocalStack stack;
    private final Databases db;
    private final Duration consumerFailure;

    DataFaults(LocalStack stack, Databases db, Duration consumerFailure) {
        this.stack = stack;
        this.db = db;
        this.consumerFailure = consumerFailure;
    }

    Faults.Outcome killServiceConnections() throws SQLException {
        int killed = 0;
        try (Connection c = db.connect("bank1");
                Statement s = c.createStatement()) {
            List<Long> ids = new ArrayList<>();
            try (ResultSet rs = s.executeQuery(
                    "SELECT id FROM information_schema.processlist WHERE user IN ('dtx_pay', 'dtx_account')")) {
                while (rs.next()) {
                    ids.add(rs.getLong(1));
                }
            }
            for (long id : ids) {
                try {
                    s.execute("KILL CONNECTION " + id);
                    killed++;
                } catch (SQLException alreadyGone) {
                    // closed between the listing and the kill
                }
            }
        }
        return new Faults.Outcome("killed " + killed + " connections of dtx_pay and dtx_account", killed > 0);
    }

    /**
     * Holds the hot account's row lock in an open transaction while a few recharges go to it:
     * their credits wait, time out (the account service's lock wait is 1 s in the campaign), are
     * redelivered, and after their last retry land in the dead-letter queue, where only
     * reconciliation can still save them. Happened only if the broker's DLQ really grew.
     */
    Faults.Outcome lockHotAccount(ChaosLoad load) throws SQLException {
        Map<String, Long> before = DeadLetters.perQueue(stack.namesrvAddr());
        try (Connection c = db.connect("bank1")) {
            c.setAutoCommit(false);
            try (Statement s = c.createStatement()) {
                s.executeQuery("SELECT account_balance FROM bank1.account_info WHERE account_no = '"
                                + ChaosLoad.HOT_ACCOUNT + "' FOR UPDATE")
                        .close();
                for (int i = 0; i < 3; i++) {
                    load.payExtra(ChaosLoad.HOT_ACCOUNT, new BigDecimal("1.11"));
                }
                Waits.sleep(consumerFailure.toMillis());
            } finally {
                c.rollback();
            }
        }
        // Only queues readable before and after count: a broker that is down proves nothing.
        boolean parked = Waits.eventually(
                Duration.ofSeconds(20), () -> DeadLetters.grew(before, DeadLetters.perQueue(stack.namesrvAddr())));
        return new Faults.Outcome(
                "hot account " + ChaosLoad.HOT_ACCOUNT + " locked for " + consumerFailure.toSeconds() + " s; "
                        + (parked ? "messages reached the DLQ" : "NO message reached the DLQ")
                        + " (read from the brokers)",
                parked);
    }

    /**
     * A payment's local transaction stalls between INSERT and COMMIT (a GC pause, a stalled disk)
     * until reconciliation's cursor has passed its seq, and its message is lost. Happened only if
     * the cursor really passed it while it was invisible; only the deep sweep can find it then.
     */
    Faults.Outcome stallTransaction(String accountNo) throws SQLException {
        String stalled = UUID.randomUUID().toString();
        try (Connection c = db.connect("bank1_pay")) {
            c.setAutoCommit(false);
            long seq = insertSuccess(c, stalled, accountNo, "7.77");
            // A later payment, committed at once (its message lost too), for the cursor to pass.
            try (Connection later = db.connect("bank1_pay")) {
                insertSuccess(later, UUID.randomUUID().toString(), accountNo, "0.01");
            }
            boolean passed = Waits.eventually(Duration.ofSeconds(60), () -> cursor() > seq);
            c.commit();
            return new Faults.Outcome(
                    "payment " + stalled + " (seq " + seq + ") held open until the cursor "
                            + (passed ? "passed it" : "had NOT passed it after 60 s") + ", its message lost",
                    passed);
        }
    }

    private static long insertSuccess(Connection c, String txNo, String accountNo, String amount) throws SQLException {
        try (PreparedStatement insert = c.prepareStatement(
                "INSERT INTO account_pay (id, account_no, pay_amount, result) VALUES (?, ?, ?, 'success')")) {
            insert.setString(1, txNo);
            insert.setString(2, accountNo);
            insert.setBigDecimal(3, new BigDecimal(amount));
            insert.executeUpdate();
        }
        try (PreparedStatement seq = c.prepareStatement("SELECT seq FROM account_pay WHERE id = ?")) {
            seq.setString(1, txNo);
            try (ResultSet rs = seq.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }

    private long cursor() {
        String value = db.scalar("bank1", CURSOR, String.class);
        return value == null ? 0 : Long.parseLong(value);
    }

    /** Notifications of real payments whose call is under way at this moment (claimed, not yet recorded). */
    /** Successful payments committed after the binlog relay last saved its position: work it must redo. */
    long paymentsAfterRelaySave() {
        return db.scalar(
                "bank1_pay",
                "SELECT COUNT(*) FROM account_pay WHERE result = 'success'"
                        + " AND created_at > (SELECT MAX(updated_at) FROM dtx_relay.relay_position)",
                Long.class);
    }

    long callsInFlight() {
        return db.scalar(
                "dtx_notify",
                "SELECT COUNT(*) FROM notification n WHERE n.status = 'pending' AND n.lease_token IS NOT NULL"
                        + " AND n.next_attempt_at > UTC_TIMESTAMP(3) AND EXISTS (SELECT 1 FROM bank1_pay.account_pay p"
                        + " WHERE p.id = n.tx_no AND p.result = 'success')",
                Long.class);
    }
}
