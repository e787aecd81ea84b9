package io.dtx.sandbox;

import io.dtx.contract.Messaging;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Several deployment environments on one database, the way the binlog relay's routing expects
 * them (and {@code DTX_SANDBOX_ENVIRONMENTS=dev,staging} asks the sandbox for): each environment's
 * pay service logs in as a user of its own, {@code dtx_pay_<env>}, with the pay service's grants
 * on the one shared {@code bank1_pay} (the relay tells the environments apart by this user), and
 * each has an account database of its own, {@code bank1_<env>}, with its own account login. On the
 * broker, each environment has its own recharge topic and consumer groups ({@code DTX_ENV}).
 * Nothing in the services changes: only logins and settings.
 */
public final class EnvironmentLogins {

    /** The variable that names the environments, comma-separated. */
    public static final String VARIABLE = "DTX_SANDBOX_ENVIRONMENTS";

    /**
     * One environment's logins.
     *
     * @param pay     {@code dtx_pay_<env>}: the pay service's grants on the shared {@code bank1_pay}
     * @param account {@code dtx_account_<env>}: the account service's grants on {@code bank1_<env>}
     */
    public record Environment(String name, MysqlServer pay, MysqlServer account) {

        public String accountSchema() {
            return accountSchema(name);
        }

        static String accountSchema(String name) {
            return "bank1_" + name;
        }
    }

    private EnvironmentLogins() {}

    /** The environments {@link #VARIABLE} names; none if it is not set. */
    public static List<String> fromEnvironment() {
        return parse(System.getenv(VARIABLE));
    }

    /** Names become parts of SQL identifiers and topic names: lower-case letters and digits only. */
    static List<String> parse(String names) {
        if (names == null || names.isBlank()) {
            return List.of();
        }
        List<String> parsed = Arrays.stream(names.split(","))
                .map(n -> n.trim().toLowerCase(Locale.ROOT))
                .toList();
        for (String name : parsed) {
            if (!name.matches("[a-z][a-z0-9]{0,15}")) {
                throw new IllegalArgumentException(
                        VARIABLE + ": \"" + name + "\" is not an environment name (a-z, 0-9, at most 16)");
            }
            if (name.equals("pay")) {
                // Its account database would be bank1_pay, the pay service's own.
                throw new IllegalArgumentException(VARIABLE + ": \"pay\" is taken (bank1_pay)");
            }
        }
        return parsed;
    }

    /** Creates (or resets) each environment's logins and account database, as {@code admin}. */
    public static Map<String, Environment> create(MysqlServer admin, List<String> names) {
        parse(String.join(",", names)); // the names go into DDL: checked here too, whoever calls
        Map<String, Environment> environments = new LinkedHashMap<>();
        try (Connection c = DriverManager.getConnection(admin.jdbcUrl(""), admin.user(), admin.password());
                Statement s = c.createStatement()) {
            for (String name : names) {
                String schema = Environment.accountSchema(name);
                for (String sql : SqlScripts.statements(renamed(SqlScripts.read(SqlScripts.BANK1), schema))) {
                    s.execute(sql);
                }
                MysqlServer pay = login(s, admin, "dtx_pay", "dtx_pay_" + name, null);
                MysqlServer account = login(s, admin, "dtx_account", "dtx_account_" + name, schema);
                environments.put(name, new Environment(name, pay, account));
            }
            return environments;
        } catch (SQLException e) {
            throw new IllegalStateException("Could not create the environments " + names + ": " + e.getMessage(), e);
        }
    }

    /** Each environment's recharge topic and consumer groups, besides the plain ones. */
    public static void declare(RocketMqAdmin admin, List<String> names) {
        for (String name : names) {
            admin.declare(
                    Messaging.TOPICS.stream()
                            .map(t -> Messaging.inEnvironment(t, name))
                            .toList(),
                    Messaging.CONSUMER_GROUPS.stream()
                            .map(g -> Messaging.inEnvironment(g, name))
                            .toList());
        }
    }

    /** {@code user}: {@code model}'s grants from service-grants.sql, on {@code schema} instead of bank1 if given. */
    private static MysqlServer login(Statement s, MysqlServer admin, String model, String user, String schema)
            throws SQLException {
        String password = ServiceUsers.newPassword();
        // DDL takes no bind parameters; the name is checked by parse() and the password is base64url.
        s.execute("CREATE USER IF NOT EXISTS '" + user + "'@'%' IDENTIFIED BY '" + password + "'");
        s.execute("ALTER USER '" + user + "'@'%' IDENTIFIED BY '" + password + "'");
        s.execute("REVOKE ALL PRIVILEGES, GRANT OPTION FROM '" + user + "'@'%'");
        for (String grant : grantsOf(model)) {
            String own = grant.replace("'" + model + "'@'%'", "'" + user + "'@'%'");
            s.execute(schema == null ? own : own.replace(" bank1.", " " + schema + "."));
        }
        return new MysqlServer(admin.baseUrl(), user, password);
    }

    private static List<String> grantsOf(String user) {
        return SqlScripts.read(SqlScripts.SERVICE_GRANTS)
                .lines()
                .filter(line -> line.startsWith("GRANT ") && line.contains("'" + user + "'@"))
                .map(line -> line.substring(0, line.length() - 1))
                .toList();
    }

    private static String renamed(String bank1Script, String schema) {
        return bank1Script.replaceAll("\\bbank1\\b", schema);
    }
}
