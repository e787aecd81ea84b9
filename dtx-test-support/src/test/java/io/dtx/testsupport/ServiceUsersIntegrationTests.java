package io.dtx.testsupport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.dtx.sandbox.MysqlServer;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import org.junit.jupiter.api.Test;

/**
 * Each service's database login reaches its own schema's rows and nothing else, and the server
 * enforces it (the embedded MariaDB included): a bug or an injection in one service cannot read
 * or move the other's money, nor change any table's shape.
 */
@WithInfrastructure
class ServiceUsersIntegrationTests {

    @Test
    void eachServiceReadsAndWritesItsOwnSchema(Infrastructure infra) throws Exception {
        try (Connection pay = connect(infra.serviceLogin("bank1_pay"), "bank1_pay");
                Statement s = pay.createStatement()) {
            assertThat(s.executeQuery("SELECT COUNT(*) FROM account_pay").next())
                    .isTrue();
        }
        try (Connection account = connect(infra.serviceLogin("bank1"), "bank1");
                Statement s = account.createStatement()) {
            assertThat(s.executeUpdate(
                            "UPDATE account_info SET account_balance = account_balance WHERE account_no = '1'"))
                    .isEqualTo(1);
        }
    }

    @Test
    void neitherServiceReachesTheOthersSchema(Infrastructure infra) throws Exception {
        try (Connection pay = connect(infra.serviceLogin("bank1_pay"), "bank1_pay");
                Statement s = pay.createStatement()) {
            assertThatThrownBy(() -> s.executeQuery("SELECT account_balance FROM bank1.account_info"))
                    .isInstanceOf(SQLException.class)
                    .hasMessageContaining("denied");
        }
        try (Connection account = connect(infra.serviceLogin("bank1"), "bank1");
                Statement s = account.createStatement()) {
            assertThatThrownBy(() -> s.executeUpdate("DELETE FROM bank1_pay.account_pay"))
                    .isInstanceOf(SQLException.class)
                    .hasMessageContaining("denied");
        }
    }

    @Test
    void servicesCannotChangeTablesOrGrantThemselvesMore(Infrastructure infra) throws Exception {
        try (Connection account = connect(infra.serviceLogin("bank1"), "bank1");
                Statement s = account.createStatement()) {
            assertThatThrownBy(() -> s.execute("DROP TABLE de_duplication"))
                    .isInstanceOf(SQLException.class)
                    .hasMessageContaining("denied");
            assertThatThrownBy(() -> s.execute("CREATE TABLE stolen (id INT)"))
                    .isInstanceOf(SQLException.class)
                    .hasMessageContaining("denied");
            assertThatThrownBy(() -> s.execute("GRANT ALL ON *.* TO CURRENT_USER()"))
                    .isInstanceOf(SQLException.class);
        }
    }

    /**
     * The guards of the money path cannot be undone by the services themselves: a payment row is
     * never updated or deleted (a tombstone cannot become a success), a dedup row neither (a txNo
     * cannot be freed for a second credit), and the balance table takes no new or deleted rows.
     */
    @Test
    void noServiceMayUndoItsOwnGuards(Infrastructure infra) throws Exception {
        try (Connection pay = connect(infra.serviceLogin("bank1_pay"), "bank1_pay");
                Statement s = pay.createStatement()) {
            assertDenied(s, "UPDATE account_pay SET result = 'success' WHERE id = 'none'");
            assertDenied(s, "DELETE FROM account_pay WHERE id = 'none'");
        }
        try (Connection account = connect(infra.serviceLogin("bank1"), "bank1");
                Statement s = account.createStatement()) {
            assertDenied(s, "UPDATE de_duplication SET tx_no = 'freed' WHERE tx_no = 'none'");
            assertDenied(s, "DELETE FROM de_duplication WHERE tx_no = 'none'");
            assertDenied(s, "DELETE FROM account_info WHERE account_no = 'none'");
            assertDenied(s, "INSERT INTO account_info (account_name, account_no) VALUES ('x', 'made-up')");
            assertDenied(s, "DELETE FROM poison_message WHERE id = 0");
            // The dedup retention: the service moves the horizon and removes below it only through the
            // procedures, which never come closer than 9 days, whatever they are asked.
            assertDenied(s, "UPDATE dedup_horizon SET removed_before = UTC_TIMESTAMP(3) WHERE id = 1");
            String run = "retention-" + System.nanoTime() + "-";
            paidDaysAgo(s, run + "8", 8);
            paidDaysAgo(s, run + "10", 10);
            s.execute("CALL raise_dedup_horizon(0)");
            s.execute("CALL remove_old_credits(1000000)");
            assertThat(rows(s, run + "8")).as("paid 8 days ago: kept").isOne();
            assertThat(rows(s, run + "10")).as("paid 10 days ago: removed").isZero();
            // What its code does is allowed.
            assertThat(s.executeQuery("SELECT COUNT(*) FROM de_duplication").next())
                    .isTrue();
        }
    }

    private static void paidDaysAgo(Statement s, String txNo, int days) throws SQLException {
        s.executeUpdate("INSERT INTO de_duplication (tx_no, account_no, amount, applied_by, paid_at) VALUES ('" + txNo
                + "', 'none', 1.00, 'MESSAGE', UTC_TIMESTAMP(3) - INTERVAL " + days + " DAY)");
    }

    private static long rows(Statement s, String txNo) throws SQLException {
        try (ResultSet rs = s.executeQuery("SELECT COUNT(*) FROM de_duplication WHERE tx_no = '" + txNo + "'")) {
            rs.next();
            return rs.getLong(1);
        }
    }

    private static void assertDenied(Statement s, String sql) {
        assertThatThrownBy(() -> s.executeUpdate(sql))
                .as(sql)
                .isInstanceOf(SQLException.class)
                .hasMessageContaining("denied");
    }

    @Test
    void aWrongPasswordIsRefused(Infrastructure infra) {
        MysqlServer pay = infra.serviceLogin("bank1_pay");
        assertThatThrownBy(() -> connect(new MysqlServer(pay.baseUrl(), pay.user(), pay.password() + "x"), "bank1_pay")
                        .close())
                .isInstanceOf(SQLException.class)
                .hasMessageContaining("denied");
    }

    private static Connection connect(MysqlServer login, String schema) throws SQLException {
        return DriverManager.getConnection(login.jdbcUrl(schema), login.user(), login.password());
    }
}
