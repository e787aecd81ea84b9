package io.dtx.testsupport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.dtx.sandbox.MysqlServer;
import java.sql.Connection;
import java.sql.DriverManager;
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
