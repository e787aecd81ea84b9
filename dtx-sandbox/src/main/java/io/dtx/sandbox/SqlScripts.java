package io.dtx.sandbox;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

/**
 * Runs the schema files of {@code sql/} over JDBC.
 *
 * <p>The files are packaged on the classpath under {@code dtx-sql/} by this module's build, so the
 * sandbox, the tests and docker compose read the very same text. The embedded server runs with
 * {@code --skip-ssl}, and MariaDB's command-line client refuses such a server, so the scripts go
 * over JDBC rather than through {@code mysql < file}.
 */
public final class SqlScripts {

    /** The account side's schema and seed ("bank 1"). */
    public static final String BANK1 = "bank1.sql";

    /** The pay side's schema ("bank 2", database bank1_pay). */
    public static final String BANK1_PAY = "bank1_pay.sql";

    /** The notifier's schema (database dtx_notify): subscriptions, notifications, the delivery log. */
    public static final String DTX_NOTIFY = "dtx_notify.sql";

    /** Every schema of the system, in the order a fresh server gets them. */
    /** The binlog relay's schema (database dtx_relay): its position and its exception table. */
    public static final String DTX_RELAY = "dtx_relay.sql";

    public static final String[] SCHEMAS = {BANK1, BANK1_PAY, DTX_NOTIFY, DTX_RELAY};

    /** What each service's database user may do, table by table (the users must exist). */
    public static final String SERVICE_GRANTS = "service-grants.sql";

    /** Brings a database created before 2026-11-25 up to date (identifiers, grants). */
    public static final String MIGRATION_2026_11_25 = "migrations/2026-11-25-identifiers-and-grants.sql";

    private SqlScripts() {}

    /** Applies the named scripts, in order; every script is written to be re-runnable. */
    public static void apply(MysqlServer server, String... scriptNames) {
        // No schema in the URL: the scripts create their databases and switch with USE.
        try (Connection connection = DriverManager.getConnection(server.jdbcUrl(""), server.user(), server.password());
                Statement statement = connection.createStatement()) {
            for (String name : scriptNames) {
                for (String sql : statements(read(name))) {
                    statement.execute(sql);
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Could not apply " + String.join(", ", scriptNames) + " to " + server, e);
        }
    }

    /** The text of one script from {@code dtx-sql/} on the classpath. */
    public static String read(String name) {
        try (InputStream in = SqlScripts.class.getResourceAsStream("/dtx-sql/" + name)) {
            if (in == null) {
                throw new IllegalArgumentException("No SQL script dtx-sql/" + name + " on the classpath");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Splits a script into statements. The convention of {@code sql/}: a statement ends with
     * {@code ;} at the end of a line, and {@code --} starts a comment line. That keeps the parser
     * trivial and the files valid for the mysql client and docker's init scripts alike.
     */
    static List<String> statements(String script) {
        List<String> statements = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        for (String line : script.split("\\R")) {
            String trimmed = line.strip();
            if (trimmed.isEmpty() || trimmed.startsWith("--")) {
                continue;
            }
            current.append(line).append('\n');
            if (trimmed.endsWith(";")) {
                String sql = current.toString().strip();
                statements.add(sql.substring(0, sql.length() - 1));
                current.setLength(0);
            }
        }
        if (!current.toString().isBlank()) {
            throw new IllegalArgumentException(
                    "Script ends inside a statement: " + current.toString().strip());
        }
        return statements;
    }
}
