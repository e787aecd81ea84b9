package io.dtx.walkthrough.compose;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.dtx.sandbox.EmbeddedMariaDb;
import io.dtx.sandbox.MysqlServer;
import io.dtx.sandbox.ServiceUsers;
import io.dtx.sandbox.SqlScripts;
import io.dtx.testsupport.ScriptRun;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer.OrderAnnotation;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code docker/mysql/03-service-users.sh} run for real, the way MySQL's image runs it when it
 * initialises its volume: bash, the server's own command-line client on the default socket, root's
 * password in the environment, and a server that offers TLS. Then the grants file, then logins.
 */
@TestMethodOrder(OrderAnnotation.class)
class ServiceUsersScriptIntegrationTests {

    private static final Path SCRIPT = ScriptRun.ROOT.resolve("docker/mysql/03-service-users.sh");

    @TempDir
    static Path tools;

    private static EmbeddedMariaDb db;
    /** Root, with a password the script must pass on intact: quotes, a backslash, spaces. */
    private static MysqlServer root;

    @BeforeAll
    static void startServer() throws IOException, SQLException {
        db = EmbeddedMariaDb.startWithTls(Path.of("target/compose-scripts/mariadb"));
        SqlScripts.apply(db.server(), SqlScripts.SCHEMAS);
        String password = "root's \"pass\\sword\" \\\\ " + UUID.randomUUID();
        // Connector/J fills the placeholder in itself, escaped (client-side prepared statements).
        try (Connection c = connect(db.server());
                PreparedStatement alter = c.prepareStatement("ALTER USER 'root'@'localhost' IDENTIFIED BY ?")) {
            alter.setString(1, password);
            alter.execute();
        }
        root = new MysqlServer(db.server().baseUrl(), "root", password);
        // The script calls `mysql`, as in the image; here that is MariaDB's client of the same server.
        Files.createSymbolicLink(tools.resolve("mysql"), db.baseDir().resolve("bin/mariadb"));
    }

    @AfterAll
    static void stopServer() {
        if (db != null) {
            db.close();
        }
    }

    @Test
    @Order(1)
    void refusesAMissingOrShortPasswordAndCreatesNobody() throws SQLException {
        ScriptRun missing = run(Map.of("PAY_DB_PASSWORD", "long-enough-password-1"));
        ScriptRun tooShort = run(Map.of(
                "PAY_DB_PASSWORD",
                "short",
                "ACCOUNT_DB_PASSWORD",
                "long-enough-password-2",
                "NOTIFIER_DB_PASSWORD",
                "long-enough-password-3",
                "RELAY_DB_PASSWORD",
                "long-enough-password-4"));

        assertThat(missing.exitCode()).as(missing.output()).isNotZero();
        assertThat(missing.output()).contains("ACCOUNT_DB_PASSWORD is not set");
        assertThat(tooShort.exitCode()).as(tooShort.output()).isNotZero();
        assertThat(tooShort.output()).contains("PAY_DB_PASSWORD must be at least 16 characters");
        assertThat(query("SELECT user FROM mysql.user WHERE user LIKE 'dtx%'")).isEmpty();
    }

    @Test
    @Order(2)
    void passwordsWithQuotesSpacesAndBackslashesWorkExactlyAndOnlyOverTls() throws SQLException {
        String salt = UUID.randomUUID().toString();
        String pay = "it's a \"quoted\" pass\\word'); DROP USER root; -- " + salt;
        String account = "  spaces,  '' quotes and ` ticks  " + salt;

        ScriptRun run = run(Map.of(
                "PAY_DB_PASSWORD",
                pay,
                "ACCOUNT_DB_PASSWORD",
                account,
                "NOTIFIER_DB_PASSWORD",
                "notifier-" + salt,
                "RELAY_DB_PASSWORD",
                "relay-" + salt));
        assertThat(run.exitCode()).as(run.output()).isZero();
        assertThat(run.output()).doesNotContain(salt);
        SqlScripts.apply(root, SqlScripts.SERVICE_GRANTS);

        assertThat(query(login("bank1_pay", "REQUIRED", pay), "SELECT CURRENT_USER()"))
                .containsExactly("dtx_pay@%");
        assertThat(query(login("bank1", "REQUIRED", account), "SELECT CURRENT_USER()"))
                .containsExactly("dtx_account@%");
        assertThat(query(login("dtx_notify", "REQUIRED", "notifier-" + salt), "SELECT CURRENT_USER()"))
                .containsExactly("dtx_notifier@%");
        assertThat(query(login("dtx_relay", "REQUIRED", "relay-" + salt), "SELECT CURRENT_USER()"))
                .containsExactly("dtx_relay@%");
        assertThatThrownBy(() -> login("bank1_pay", "DISABLED", pay).close())
                .as("a service user without TLS is refused")
                .isInstanceOf(SQLException.class);
        assertThatThrownBy(() -> login("bank1", "REQUIRED", account.strip()).close())
                .as("only the exact password logs in, spaces included")
                .isInstanceOf(SQLException.class);
        assertThat(query("SELECT user FROM mysql.user WHERE user = 'root'"))
                .as("root survived")
                .isNotEmpty();
    }

    @Test
    @Order(3)
    void eachUserHoldsExactlyTheGrantsOfTheGrantsFile() throws SQLException {
        for (String user : List.of("dtx_pay", "dtx_account", "dtx_notifier")) {
            List<String> granted = query("SHOW GRANTS FOR '" + user + "'@'%'");
            List<String> expected = SqlScripts.read(SqlScripts.SERVICE_GRANTS)
                    .lines()
                    .filter(line -> line.startsWith("GRANT ") && line.contains("'" + user + "'"))
                    .map(line -> line.substring(0, line.indexOf(" TO "))
                            .replaceAll("ON PROCEDURE (\\w+)\\.(\\w+)", "ON PROCEDURE `$1`.`$2`")
                            .replaceAll("ON (\\w+)\\.(\\w+)", "ON `$1`.`$2`"))
                    .toList();
            assertThat(expected).as(user + " has grants in the file").isNotEmpty();
            assertThat(granted).as(user).hasSize(expected.size() + 1);
            assertThat(granted)
                    .anySatisfy(grant ->
                            assertThat(grant).startsWith("GRANT USAGE ON *.*").contains("REQUIRE SSL"));
            expected.forEach(grant ->
                    assertThat(granted).as(user).anySatisfy(g -> assertThat(g).startsWith(grant + " TO")));
        }
    }

    @Test
    @Order(4)
    void theRelayMayReadTheBinlogAndSeeConnectionsButNoTableOfEitherService() throws SQLException {
        List<String> granted = query("SHOW GRANTS FOR 'dtx_relay'@'%'");

        assertThat(granted)
                .as("the server-wide rights, over TLS only")
                .anySatisfy(grant -> assertThat(grant)
                        .startsWith("GRANT ")
                        .contains("PROCESS", "REPLICATION SLAVE", "ON *.*", "REQUIRE SSL"));
        assertThat(granted)
                .filteredOn(grant -> !grant.contains("ON *.*"))
                .as("table rights: its own schema, and reading the payments")
                .allSatisfy(grant ->
                        assertThat(grant).containsAnyOf("ON `dtx_relay`.", "SELECT ON `bank1_pay`.`account_pay`"))
                .hasSize(3);
    }

    private static ScriptRun run(Map<String, String> passwords) {
        Map<String, String> environment = new HashMap<>(passwords);
        environment.put("MYSQL_ROOT_PASSWORD", root.password());
        environment.put("MYSQL_UNIX_PORT", db.socket().toString());
        environment.put("HOME", tools.toString()); // no ~/.my.cnf of whoever runs the build
        environment.put("PATH", tools + ":" + System.getenv("PATH"));
        return ScriptRun.of(SCRIPT, environment);
    }

    private static Connection connect(MysqlServer server) throws SQLException {
        return DriverManager.getConnection(server.jdbcUrl("mysql"), server.user(), server.password());
    }

    private static Connection login(String schema, String sslMode, String password) throws SQLException {
        String url = "jdbc:mysql://127.0.0.1:" + db.port() + "/" + schema + "?sslMode=" + sslMode
                + "&allowPublicKeyRetrieval=true";
        return DriverManager.getConnection(url, ServiceUsers.OWNERS.get(schema), password);
    }

    private static List<String> query(String sql) throws SQLException {
        return query(connect(root), sql);
    }

    private static List<String> query(Connection connection, String sql) throws SQLException {
        try (connection;
                Statement statement = connection.createStatement();
                ResultSet rows = statement.executeQuery(sql)) {
            List<String> values = new ArrayList<>();
            while (rows.next()) {
                values.add(rows.getString(1));
            }
            return values;
        }
    }
}
