package io.dtx.testsupport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.dtx.sandbox.SqlScripts;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The files of sql/ load on the real database, seed Zhang San's account, and can be run again. */
@WithInfrastructure
class SchemaIntegrationTests {

    @Test
    void seedAccountReadsBackWithItsOpeningBalance(Infrastructure infra) throws Exception {
        try (Connection c = connect(infra, "bank1");
                Statement s = c.createStatement();
                ResultSet rs = s.executeQuery(
                        "SELECT id, account_name, account_balance FROM account_info WHERE account_no = '1'")) {
            assertThat(rs.next()).isTrue();
            assertThat(rs.getLong("id")).isEqualTo(2L);
            assertThat(rs.getString("account_name")).isEqualTo("张三的账户");
            assertThat(rs.getBigDecimal("account_balance")).isEqualByComparingTo(new BigDecimal("10000.00"));
            assertThat(rs.getBigDecimal("account_balance").scale()).isEqualTo(2);
        }
    }

    @Test
    void bothSchemasHoldTheirTables(Infrastructure infra) throws Exception {
        assertThat(tables(infra, "bank1"))
                .contains("account_info", "de_duplication", "poison_message", "reconcile_cursor");
        assertThat(tables(infra, "bank1_pay")).contains("account_pay");
    }

    @Test
    void moneyColumnsAreExactDecimals(Infrastructure infra) throws Exception {
        try (Connection c = connect(infra, "bank1");
                Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("""
                     SELECT table_name, column_name, data_type, numeric_precision, numeric_scale
                     FROM information_schema.columns
                     WHERE table_schema IN ('bank1', 'bank1_pay')
                       AND column_name IN ('account_balance', 'amount', 'pay_amount')""")) {
            int columns = 0;
            while (rs.next()) {
                columns++;
                assertThat(rs.getString("data_type"))
                        .as(rs.getString("column_name"))
                        .isEqualToIgnoringCase("decimal");
                assertThat(rs.getInt("numeric_precision")).isEqualTo(19);
                assertThat(rs.getInt("numeric_scale")).isEqualTo(2);
            }
            assertThat(columns)
                    .as("balance, pay amount, credit and suspense amounts")
                    .isEqualTo(4);
        }
    }

    /**
     * A database made by the old schema (case-insensitive identifiers, one idempotency key for all
     * accounts, wide grants) is brought up to date by the migration: afterwards 'Order-7' and
     * 'order-7' are two keys, and the same key may serve two accounts.
     */
    @Test
    void theMigrationTurnsAnOldSchemaIntoTheNewOne(Infrastructure infra) throws Exception {
        try (Connection c = connect(infra, "bank1_pay");
                Statement s = c.createStatement()) {
            s.execute("ALTER TABLE account_pay MODIFY idempotency_key VARCHAR(128)"
                    + " CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci NULL,"
                    + " DROP INDEX uk_account_pay_idempotency_key,"
                    + " ADD UNIQUE KEY uk_account_pay_idempotency_key (idempotency_key)");
            s.execute("GRANT UPDATE, DELETE ON bank1_pay.* TO 'dtx_pay'@'%'");

            SqlScripts.apply(
                    infra.mysql(),
                    SqlScripts.MIGRATION_2026_11_25,
                    SqlScripts.BANK1,
                    SqlScripts.BANK1_PAY,
                    SqlScripts.SERVICE_GRANTS);

            String key = "Order-" + System.nanoTime();
            s.executeUpdate("INSERT INTO account_pay (id, account_no, pay_amount, result, idempotency_key)"
                    + " VALUES ('m1-" + key + "', 'm', 1.00, 'success', '" + key + "'),"
                    + " ('m2-" + key + "', 'm', 1.00, 'success', '" + key.toLowerCase() + "'),"
                    + " ('m3-" + key + "', 'n', 1.00, 'success', '" + key + "')");
            assertThat(s.executeUpdate("DELETE FROM account_pay WHERE id LIKE 'm_-" + key + "'"))
                    .isEqualTo(3);
        }
        try (Connection pay = DriverManager.getConnection(
                        infra.serviceLogin("bank1_pay").jdbcUrl("bank1_pay"),
                        infra.serviceLogin("bank1_pay").user(),
                        infra.serviceLogin("bank1_pay").password());
                Statement s = pay.createStatement()) {
            assertThatThrownBy(() -> s.executeUpdate("DELETE FROM account_pay WHERE id = 'none'"))
                    .as("the wide grant is gone")
                    .hasMessageContaining("denied");
        }
    }

    @Test
    void scriptsCanRunAgainWithoutResettingData(Infrastructure infra) throws Exception {
        try (Connection c = connect(infra, "bank1");
                Statement s = c.createStatement()) {
            s.executeUpdate("INSERT INTO account_info (account_name, account_no, account_balance)"
                    + " VALUES ('rerun check', 'rerun-check', 5.00)");
            try {
                SqlScripts.apply(infra.mysql(), SqlScripts.SCHEMAS);

                try (ResultSet rs =
                        s.executeQuery("SELECT account_balance FROM account_info WHERE account_no = 'rerun-check'")) {
                    assertThat(rs.next()).isTrue();
                    assertThat(rs.getBigDecimal(1)).isEqualByComparingTo("5.00");
                }
            } finally {
                s.executeUpdate("DELETE FROM account_info WHERE account_no = 'rerun-check'");
            }
        }
    }

    private static List<String> tables(Infrastructure infra, String schema) throws Exception {
        List<String> tables = new ArrayList<>();
        try (Connection c = connect(infra, schema);
                ResultSet rs = c.getMetaData().getTables(schema, null, "%", new String[] {"TABLE"})) {
            while (rs.next()) {
                tables.add(rs.getString("TABLE_NAME"));
            }
        }
        return tables;
    }

    private static Connection connect(Infrastructure infra, String schema) throws Exception {
        return DriverManager.getConnection(
                infra.mysql().jdbcUrl(schema),
                infra.mysql().user(),
                infra.mysql().password());
    }
}
