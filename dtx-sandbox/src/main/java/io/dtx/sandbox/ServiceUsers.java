package io.dtx.sandbox;

import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One database login per service, allowed only what its code uses, table by table
 * ({@code sql/service-grants.sql}): the pay service cannot read or change {@code bank1} and cannot
 * update or delete a payment; the account service cannot touch {@code bank1_pay} and cannot update
 * or delete a dedup row; neither can create, alter or drop anything. A bug or an injection in one
 * service then cannot reach the other's money, nor undo its own guards. Passwords are generated
 * for each run and never written to the repository.
 *
 * <p>The same users and grants as docker compose makes ({@code docker/mysql/03-service-users.sh}).
 */
public final class ServiceUsers {

    /** Schema -> the user of the service that owns it. */
    public static final Map<String, String> OWNERS = Map.of(
            "bank1_pay", "dtx_pay", "bank1", "dtx_account", "dtx_notify", "dtx_notifier", "dtx_relay", "dtx_relay");

    private static final SecureRandom RANDOM = new SecureRandom();

    private ServiceUsers() {}

    /**
     * Creates (or resets the password of) each service's user, logged in as {@code admin}.
     *
     * @return schema -> the login its service should use
     */
    public static Map<String, MysqlServer> create(MysqlServer admin) {
        Map<String, MysqlServer> logins = new LinkedHashMap<>();
        try (Connection c = DriverManager.getConnection(admin.jdbcUrl(""), admin.user(), admin.password());
                Statement s = c.createStatement()) {
            for (Map.Entry<String, String> owner : OWNERS.entrySet()) {
                String schema = owner.getKey();
                String user = owner.getValue();
                String password = newPassword();
                // DDL takes no bind parameters; the names are constants and the password is base64url.
                s.execute("CREATE USER IF NOT EXISTS '" + user + "'@'%' IDENTIFIED BY '" + password + "'");
                s.execute("ALTER USER '" + user + "'@'%' IDENTIFIED BY '" + password + "'");
                // A server used before may hold wider grants from an older version: start from none.
                s.execute("REVOKE ALL PRIVILEGES, GRANT OPTION FROM '" + user + "'@'%'");
                logins.put(schema, new MysqlServer(admin.baseUrl(), user, password));
            }
            SqlScripts.apply(admin, SqlScripts.SERVICE_GRANTS);
            return logins;
        } catch (SQLException e) {
            throw new IllegalStateException(
                    "Could not create the services' database users as " + admin.user() + ": " + e.getMessage(), e);
        }
    }

    static String newPassword() {
        byte[] secret = new byte[24];
        RANDOM.nextBytes(secret);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(secret);
    }
}
