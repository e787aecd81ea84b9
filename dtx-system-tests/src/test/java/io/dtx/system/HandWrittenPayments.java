package io.dtx.system;

import io.dtx.sandbox.MysqlServer;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.UUID;

/**
 * Payments written straight into bank1_pay under an environment's login, the way the pay service
 * would write them, so a test controls the transaction (rollback, tombstone, a connection that is
 * gone before the relay looks its thread up).
 */
final class HandWrittenPayments {

    private HandWrittenPayments() {}

    static Connection connect(MysqlServer login) throws SQLException {
        return DriverManager.getConnection(login.jdbcUrl("bank1_pay"), login.user(), login.password());
    }

    static void insert(Connection c, String txNo, String accountNo, String result) throws SQLException {
        try (PreparedStatement s = c.prepareStatement(
                "INSERT INTO account_pay (id, account_no, pay_amount, result) VALUES (?, ?, 3.00, ?)")) {
            s.setString(1, txNo);
            s.setString(2, accountNo);
            s.setString(3, result);
            s.executeUpdate();
        }
    }

    static String txNo() {
        return "rl-" + UUID.randomUUID();
    }
}
