package io.dtx.system;

import io.dtx.sandbox.MysqlServer;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.HashSet;
import java.util.Set;
import java.util.UUID;

/** Direct SQL on both databases: how the tests set up faults and check what really happened. */
final class Db {

    private final MysqlServer server;

    Db(MysqlServer server) {
        this.server = server;
    }

    Connection connect(String schema) throws SQLException {
        return DriverManager.getConnection(server.jdbcUrl(schema), server.user(), server.password());
    }

    /** A fresh account with a zero balance, so each test's arithmetic is its own. */
    String newAccount(String prefix) {
        return newAccount("bank1", prefix);
    }

    /** The same in another account database (one environment's, in the relay's tests). */
    String newAccount(String schema, String prefix) {
        String accountNo = prefix + UUID.randomUUID().toString().substring(0, 8);
        update(
                schema,
                "INSERT INTO account_info (account_name, account_no, account_balance) VALUES (?, ?, 0.00)",
                "test " + accountNo,
                accountNo);
        return accountNo;
    }

    BigDecimal balance(String accountNo) {
        return scalar(
                "bank1", "SELECT account_balance FROM account_info WHERE account_no = ?", BigDecimal.class, accountNo);
    }

    long credits(String txNo) {
        return credits("bank1", txNo);
    }

    long credits(String schema, String txNo) {
        return scalar(schema, "SELECT COUNT(*) FROM de_duplication WHERE tx_no = ?", Long.class, txNo);
    }

    /** Every txNo an account database has credited. */
    Set<String> creditedTxNos(String schema) {
        Set<String> txNos = new HashSet<>();
        try (Connection c = connect(schema);
                PreparedStatement s = c.prepareStatement("SELECT tx_no FROM de_duplication");
                ResultSet rs = s.executeQuery()) {
            while (rs.next()) {
                txNos.add(rs.getString(1));
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
        return txNos;
    }

    String appliedBy(String txNo) {
        return scalar("bank1", "SELECT applied_by FROM de_duplication WHERE tx_no = ?", String.class, txNo);
    }

    long count(String schema, String table) {
        return scalar(schema, "SELECT COUNT(*) FROM " + table, Long.class);
    }

    /** A successful payment the broker never hears of: a delivery lapse, made for real. */
    String paymentWithoutMessage(String accountNo, String amount) {
        String txNo = UUID.randomUUID().toString();
        update(
                "bank1_pay",
                "INSERT INTO account_pay (id, account_no, pay_amount, result) VALUES (?, ?, ?, 'success')",
                txNo,
                accountNo,
                new BigDecimal(amount));
        return txNo;
    }

    int update(String schema, String sql, Object... args) {
        try (Connection c = connect(schema);
                PreparedStatement s = prepare(c, sql, args)) {
            return s.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException(sql, e);
        }
    }

    <T> T scalar(String schema, String sql, Class<T> type, Object... args) {
        try (Connection c = connect(schema);
                PreparedStatement s = prepare(c, sql, args);
                ResultSet rs = s.executeQuery()) {
            return rs.next() ? rs.getObject(1, type) : null;
        } catch (SQLException e) {
            throw new IllegalStateException(sql, e);
        }
    }

    static PreparedStatement prepare(Connection c, String sql, Object... args) throws SQLException {
        PreparedStatement s = c.prepareStatement(sql);
        for (int i = 0; i < args.length; i++) {
            s.setObject(i + 1, args[i]);
        }
        return s;
    }
}
