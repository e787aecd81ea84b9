package io.dtx.sandbox;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * MariaDB 11.8 from Debian 13's packages, for what the embedded MariaDB (11.4) cannot show: from
 * 11.5 on the binlog carries each transaction's thread id, which the binlog relay maps to a
 * database user and so to a deployment environment. {@code scripts/mariadb-trixie.sh} unpacks
 * the packages into a folder of their own (cached in {@code ~/.cache/dtx}); this class gives the
 * server a fresh data directory, starts it with trixie's own loader (it needs a newer glibc than
 * this machine's), with a row-based binlog, and gives root a password made for this run.
 */
public final class DebianMariaDb implements AutoCloseable {

    private static final List<String> BOOTSTRAP_SQL = List.of(
            "mariadb_system_tables.sql",
            "mariadb_performance_tables.sql",
            "mariadb_system_tables_data.sql",
            "maria_add_gis_sp_bootstrap.sql");

    private final Process process;
    private final int port;
    private final MysqlServer server;

    private DebianMariaDb(Process process, int port, MysqlServer server) {
        this.process = process;
        this.port = port;
        this.server = server;
    }

    /** Prepares the packages if needed (a download of about 17 MB), then starts a fresh server. */
    public static DebianMariaDb start(Path workDir) {
        Path dir = workDir.toAbsolutePath();
        Directories.deleteRecursively(dir);
        try {
            MariaDbInstallation installation = MariaDbInstallation.prepare();
            Files.createDirectories(dir.resolve("data"));
            Files.createDirectories(dir.resolve("tmp"));
            bootstrap(installation, dir);
            int port = freePort();
            Process process = new ProcessBuilder(installation.mariadbd(dir, serverArguments(dir, port)))
                    .redirectErrorStream(true)
                    .redirectOutput(dir.resolve("server.log").toFile())
                    .start();
            String rootPassword = ServiceUsers.newPassword();
            MysqlServer open = new MysqlServer("jdbc:mysql://127.0.0.1:" + port, "root", "");
            awaitLogin(process, open, dir);
            protectRoot(open, rootPassword);
            return new DebianMariaDb(
                    process, port, new MysqlServer("jdbc:mysql://127.0.0.1:" + port, "root", rootPassword));
        } catch (IOException | SQLException e) {
            throw new IllegalStateException("MariaDB 11.8 did not start in " + dir + ": " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while MariaDB 11.8 started", e);
        }
    }

    /** The arguments a binlog relay needs: row events with full images and column names. */
    private static List<String> serverArguments(Path dir, int port) {
        return List.of(
                "--port=" + port,
                "--bind-address=127.0.0.1",
                "--socket=" + dir.resolve("mysqld.sock"),
                "--pid-file=" + dir.resolve("mysqld.pid"),
                "--skip-ssl",
                "--character-set-server=utf8mb4",
                "--collation-server=utf8mb4_unicode_ci",
                "--default-time-zone=+00:00",
                "--innodb-flush-log-at-trx-commit=1",
                "--max-connections=500",
                "--log-bin=" + dir.resolve("data/binlog"),
                "--binlog-format=ROW",
                "--binlog-row-image=FULL",
                "--binlog-row-metadata=FULL",
                "--server-id=1");
    }

    /** What {@code mariadb-install-db} does: the system tables, root without a password (for now). */
    private static void bootstrap(MariaDbInstallation installation, Path dir) throws IOException, InterruptedException {
        StringBuilder sql = new StringBuilder("create database if not exists mysql;\nuse mysql;\n")
                .append("SET @auth_root_socket=NULL;\n");
        for (String file : BOOTSTRAP_SQL) {
            sql.append(Files.readString(
                    installation.root().resolve("usr/share/mariadb").resolve(file)));
            sql.append('\n');
        }
        Path script = dir.resolve("bootstrap.sql");
        Files.writeString(script, sql, StandardCharsets.UTF_8);
        Process bootstrap = new ProcessBuilder(installation.mariadbd(dir, List.of("--bootstrap")))
                .redirectInput(script.toFile())
                .redirectErrorStream(true)
                .redirectOutput(dir.resolve("bootstrap.log").toFile())
                .start();
        if (bootstrap.waitFor() != 0) {
            throw new IOException("bootstrap failed, see " + dir.resolve("bootstrap.log"));
        }
    }

    private static void awaitLogin(Process process, MysqlServer open, Path dir)
            throws InterruptedException, IOException {
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IOException("the server exited, see " + dir.resolve("server.log"));
            }
            try (Connection ignored = DriverManager.getConnection(open.jdbcUrl(""), open.user(), open.password())) {
                return;
            } catch (SQLException notYet) {
                Thread.sleep(100);
            }
        }
        process.destroyForcibly();
        throw new IOException("no login within 60 s, see " + dir.resolve("server.log"));
    }

    /** Bootstrap leaves root without a password on every host name it knows: give each one. */
    private static void protectRoot(MysqlServer open, String password) throws SQLException {
        try (Connection c = DriverManager.getConnection(open.jdbcUrl(""), open.user(), open.password());
                Statement s = c.createStatement()) {
            List<String> hosts = new ArrayList<>();
            try (ResultSet rows = s.executeQuery("SELECT Host FROM mysql.global_priv WHERE User = 'root'")) {
                while (rows.next()) {
                    hosts.add(rows.getString(1));
                }
            }
            s.execute("DELETE FROM mysql.global_priv WHERE User = ''");
            s.execute("FLUSH PRIVILEGES");
            for (String host : hosts) {
                // The password is base64url and the hosts come from the server itself.
                s.execute("ALTER USER 'root'@'" + host.replace("'", "''") + "' IDENTIFIED BY '" + password + "'");
            }
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    public MysqlServer server() {
        return server;
    }

    public int port() {
        return port;
    }

    @Override
    public void close() {
        process.destroy();
        try {
            if (!process.waitFor(20, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            process.destroyForcibly();
        }
    }
}
