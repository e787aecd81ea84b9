package io.dtx.sandbox;

import java.util.Collection;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The local infrastructure of dtx: a RocketMQ broker and a MySQL-compatible server holding the
 * {@code bank1} and {@code bank1_pay} schemas.
 *
 * <p>Each part is embedded unless {@link SandboxConfig} names an external one. The embedded
 * broker and database start side by side, which hides most of the database's start time.
 */
public final class Sandbox implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(Sandbox.class);

    private final EmbeddedRocketMq embeddedBroker;
    private final EmbeddedMariaDb embeddedDatabase;
    private final DebianMariaDb debianDatabase;
    private final String namesrvAddr;
    private final MysqlServer mysql;
    private final Map<String, MysqlServer> serviceLogins;

    private Sandbox(
            EmbeddedRocketMq embeddedBroker,
            EmbeddedMariaDb embeddedDatabase,
            DebianMariaDb debianDatabase,
            String namesrvAddr,
            MysqlServer mysql,
            Map<String, MysqlServer> serviceLogins) {
        this.embeddedBroker = embeddedBroker;
        this.embeddedDatabase = embeddedDatabase;
        this.debianDatabase = debianDatabase;
        this.namesrvAddr = namesrvAddr;
        this.mysql = mysql;
        this.serviceLogins = serviceLogins;
    }

    public static Sandbox start(SandboxConfig config) {
        long started = System.nanoTime();
        CompletableFuture<DebianMariaDb> debian = startDebianMariaDb(config);
        CompletableFuture<EmbeddedMariaDb> database = startEmbeddedMariaDb(config);
        EmbeddedRocketMq broker = null;
        try {
            if (config.externalNamesrv().isEmpty()) {
                broker = timed(
                        "RocketMQ",
                        () -> EmbeddedRocketMq.start(config.workDir().resolve("rocketmq")));
            }
            EmbeddedMariaDb db = database.join();
            DebianMariaDb debianDb = debian.join();
            MysqlServer mysql = db != null
                    ? db.server()
                    : debianDb != null
                            ? debianDb.server()
                            : config.externalMysql().orElseThrow();
            SqlScripts.apply(mysql, SqlScripts.SCHEMAS);
            Map<String, MysqlServer> logins = ServiceUsers.create(mysql);
            String namesrv = broker != null
                    ? broker.namesrvAddr()
                    : config.externalNamesrv().orElseThrow();
            Sandbox sandbox = new Sandbox(broker, db, debianDb, namesrv, mysql, logins);
            log.info(
                    "Sandbox ready in {} ms: namesrv {} ({}), database {} ({})",
                    (System.nanoTime() - started) / 1_000_000,
                    namesrv,
                    broker != null ? "embedded" : "external",
                    mysql.baseUrl(),
                    db != null ? "embedded" : debianDb != null ? "MariaDB 11.8" : "external");
            return sandbox;
        } catch (RuntimeException e) {
            closeQuietly(broker);
            database.thenAccept(Sandbox::closeQuietly);
            debian.thenAccept(Sandbox::closeQuietly);
            throw e instanceof CompletionException && e.getCause() instanceof RuntimeException cause ? cause : e;
        }
    }

    private static CompletableFuture<EmbeddedMariaDb> startEmbeddedMariaDb(SandboxConfig config) {
        if (config.externalMysql().isPresent() || config.debianMariaDb()) {
            return CompletableFuture.completedFuture(null);
        }
        return CompletableFuture.supplyAsync(() ->
                timed("MariaDB", () -> EmbeddedMariaDb.start(config.workDir().resolve("mariadb"))));
    }

    private static CompletableFuture<DebianMariaDb> startDebianMariaDb(SandboxConfig config) {
        if (!config.debianMariaDb() || config.externalMysql().isPresent()) {
            return CompletableFuture.completedFuture(null);
        }
        return CompletableFuture.supplyAsync(() ->
                timed("MariaDB 11.8", () -> DebianMariaDb.start(config.workDir().resolve("mariadb-11.8"))));
    }

    /** Creates the topics and, per consumer group, its retry and dead-letter topics. */
    public void declare(Collection<String> topics, Collection<String> consumerGroups) {
        Runnable nudge = embeddedBroker != null ? embeddedBroker::registerWithNamesrv : () -> {};
        try (RocketMqAdmin admin = new RocketMqAdmin(namesrvAddr, nudge)) {
            admin.declare(topics, consumerGroups);
        }
    }

    public String namesrvAddr() {
        return namesrvAddr;
    }

    public MysqlServer mysql() {
        return mysql;
    }

    /** The login the service owning {@code schema} should use: its own user, allowed into that schema only. */
    public MysqlServer serviceLogin(String schema) {
        MysqlServer login = serviceLogins.get(schema);
        if (login == null) {
            throw new IllegalArgumentException("No service owns schema " + schema);
        }
        return login;
    }

    /** The embedded broker, or {@code null} when an external one is used. */
    public EmbeddedRocketMq embeddedBroker() {
        return embeddedBroker;
    }

    /** The embedded database, or {@code null} when an external one is used. */
    public EmbeddedMariaDb embeddedDatabase() {
        return embeddedDatabase;
    }

    @Override
    public void close() {
        try {
            closeQuietly(embeddedBroker);
        } finally {
            closeQuietly(embeddedDatabase);
            closeQuietly(debianDatabase);
        }
    }

    private static <T> T timed(String what, Supplier<T> start) {
        long t0 = System.nanoTime();
        T result = start.get();
        log.info("Embedded {} started in {} ms", what, (System.nanoTime() - t0) / 1_000_000);
        return result;
    }

    private static void closeQuietly(AutoCloseable closeable) {
        if (closeable == null) {
            return;
        }
        try {
            closeable.close();
        } catch (Exception e) {
            log.warn("Could not stop {}", closeable.getClass().getSimpleName(), e);
        }
    }
}
