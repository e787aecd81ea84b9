package io.dtx.walkthrough;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.CompletableFuture;

/**
 * The bank on this machine: the broker, the database and the two services, each a process of
 * its own, so that killing one is a real crash of that one only (the fault campaign also kills
 * and restarts the broker).
 *
 * <p>Secrets are made for each run: the service token of the internal endpoints and the
 * database passwords (the sandbox generates those); they stay in {@code .dtx/run/}, readable by
 * the owner only, and are handed to the services through their environment.
 */
final class LocalStack implements AutoCloseable {

    private static final Duration START_TIMEOUT = Duration.ofSeconds(180);

    /**
     * Reconciliation starts late enough that step 4 usually shows the broker's check-back at work
     * rather than reconciliation getting there first (either credits the payment once), and then
     * runs often enough for step 6.
     */
    static final Duration RECONCILE_FIRST_RUN = Duration.ofSeconds(45);
    static final Duration RECONCILE_INTERVAL = Duration.ofSeconds(10);

    private final Workspace workspace;
    private JavaProcess broker;
    private JavaProcess database;
    private JavaProcess pay;
    private JavaProcess account;
    private final Properties infra = new Properties();
    private String serviceToken;
    /** Set by close(): Ctrl-C runs close() while the story may be about to (re)start a process. */
    private volatile boolean closed;

    private final List<String> extraPayArgs;
    private final Map<String, String> extraAccountEnv;
    private final List<String> serviceJvm;

    LocalStack(Workspace workspace) {
        this(workspace, List.of(), Map.of(), JavaProcess.DEMO_JVM);
    }

    /** With extra settings, e.g. for the benchmark (naive baseline on, reconciliation off, full JIT). */
    LocalStack(Workspace workspace, List<String> extraPayArgs, Map<String, String> extraAccountEnv, List<String> serviceJvm) {
        this.workspace = workspace;
        this.extraPayArgs = extraPayArgs;
        this.extraAccountEnv = extraAccountEnv;
        this.serviceJvm = serviceJvm;
    }

    /** Starts everything on a fresh database: the story's numbers start from the seed. */
    LocalStack start() {
        deleteRecursively(workspace.runDir());
        serviceToken = newServiceToken();
        writeOwnerOnly(workspace.runDir().resolve("service-token"), serviceToken);
        database = sandboxPart("database", Map.of()).start();
        broker = sandboxPart("broker", Map.of()).start();
        infra.putAll(awaitEnvFile(database, workspace.sandboxEnv("database")));
        infra.putAll(awaitEnvFile(broker, workspace.sandboxEnv("broker")));
        CompletableFuture<Void> payUp = CompletableFuture.runAsync(this::startPay);
        startAccount();
        payUp.join();
        return this;
    }

    void startPay() {
        refuseIfClosed();
        List<String> args = new java.util.ArrayList<>(List.of("--dtx.pay.fault.pause-after-commit-file=" + workspace.pauseTrigger()));
        args.addAll(extraPayArgs);
        pay = new JavaProcess("pay", workspace.payJar(), args, payEnv(), workspace, serviceJvm).start();
        pay.awaitHealthy(workspace.payUrl(), START_TIMEOUT);
    }

    void startAccount() {
        // Later starts are restarts (step 5): step 4 is behind us, so reconciliation may start soon.
        refuseIfClosed();
        Duration firstReconcile = account == null ? RECONCILE_FIRST_RUN : RECONCILE_INTERVAL;
        account = new JavaProcess("account", workspace.accountJar(), List.of(), accountEnv(firstReconcile), workspace, serviceJvm).start();
        account.awaitHealthy(workspace.accountUrl(), START_TIMEOUT);
    }

    /** The broker (with its name server) as a process of its own; a restart reuses its ports and store. */
    private JavaProcess sandboxPart(String part, Map<String, String> env) {
        return new JavaProcess(part, workspace.sandboxJar(),
                List.of(workspace.runDir().resolve("sandbox").toString(), workspace.sandboxEnv(part).toString(), part), env, workspace);
    }

    /** SIGKILL of the broker process: the name server and broker die mid-flight, as in a power cut. */
    void killBroker() {
        broker.kill();
    }

    /** Starts the broker again on the same ports and store; it recovers its messages from the files. */
    void restartBroker() {
        refuseIfClosed();
        Map<String, String> ports = Map.of("DTX_NAMESRV_PORT", infra.getProperty("DTX_NAMESRV_PORT"),
                "DTX_BROKER_PORT", infra.getProperty("DTX_BROKER_PORT"));
        try {
            // The new process writes it again once it is up; the old one must not look like that.
            Files.deleteIfExists(workspace.sandboxEnv("broker"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        broker = sandboxPart("broker", ports).start();
        awaitEnvFile(broker, workspace.sandboxEnv("broker"));
    }

    void killPay() {
        pay.kill();
    }

    void killAccount() {
        account.kill();
    }

    JavaProcess pay() {
        return pay;
    }

    JavaProcess account() {
        return account;
    }

    JavaProcess broker() {
        return broker;
    }

    JavaProcess database() {
        return database;
    }

    /** The shared secret of the internal endpoints, made for this run. */
    String serviceToken() {
        return serviceToken;
    }

    String namesrvAddr() {
        return infra.getProperty("DTX_NAMESRV_ADDR");
    }

    String mysqlUrl() {
        return infra.getProperty("DTX_MYSQL_URL");
    }

    String mysqlUser() {
        return infra.getProperty("DTX_MYSQL_USER");
    }

    String mysqlPassword() {
        return infra.getProperty("DTX_MYSQL_PASSWORD", "");
    }

    private Map<String, String> payEnv() {
        Map<String, String> env = new LinkedHashMap<>();
        env.put("PAY_PORT", Integer.toString(workspace.payPort()));
        env.put("PAY_DB_URL", jdbcUrl("bank1_pay"));
        env.put("PAY_DB_USER", infra.getProperty("DTX_PAY_DB_USER"));
        env.put("PAY_DB_PASSWORD", infra.getProperty("DTX_PAY_DB_PASSWORD"));
        env.put("DTX_SERVICE_TOKEN", serviceToken);
        env.put("DTX_NAMESRV_ADDR", namesrvAddr());
        env.put("PAY_FEED_OVERLAP", "PT5S");
        return env;
    }

    private Map<String, String> accountEnv(Duration firstReconcile) {
        Map<String, String> env = new LinkedHashMap<>();
        env.put("ACCOUNT_PORT", Integer.toString(workspace.accountPort()));
        env.put("ACCOUNT_DB_URL", jdbcUrl("bank1"));
        env.put("ACCOUNT_DB_USER", infra.getProperty("DTX_ACCOUNT_DB_USER"));
        env.put("ACCOUNT_DB_PASSWORD", infra.getProperty("DTX_ACCOUNT_DB_PASSWORD"));
        env.put("DTX_SERVICE_TOKEN", serviceToken);
        env.put("DTX_NAMESRV_ADDR", namesrvAddr());
        env.put("PAY_SERVICE_URL", workspace.payUrl());
        env.put("ACCOUNT_MQ_CLIENT_INTERVAL_MS", "1000");
        env.put("ACCOUNT_MAX_RECONSUME_TIMES", "3");
        env.put("ACCOUNT_RECONCILE_INITIAL_DELAY", firstReconcile.toString());
        env.put("ACCOUNT_RECONCILE_INTERVAL", RECONCILE_INTERVAL.toString());
        env.putAll(extraAccountEnv);
        return env;
    }

    /** The sandbox publishes each schema's full JDBC URL (MysqlServer builds it), so nothing here repeats the parameters. */
    String jdbcUrl(String schema) {
        return infra.getProperty("DTX_JDBC_URL_" + schema.toUpperCase(java.util.Locale.ROOT));
    }

    /** Waits for a sandbox part to write its env file (it does so once it is ready) and reads it. */
    private static Properties awaitEnvFile(JavaProcess part, Path envFile) {
        long deadline = System.nanoTime() + START_TIMEOUT.toNanos();
        while (!Files.exists(envFile)) {
            if (!part.alive()) {
                throw new IllegalStateException("The " + part.name() + " exited during start-up; see " + part.log() + "\n" + part.tail());
            }
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("The " + part.name() + " did not start in " + START_TIMEOUT + "; see " + part.log());
            }
            JavaProcess.sleep(100);
        }
        Properties properties = new Properties();
        try (var in = Files.newInputStream(envFile)) {
            properties.load(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return properties;
    }

    /** Stops both services side by side, then the broker and the database side by side. */
    @Override
    public synchronized void close() {
        closed = true;
        CompletableFuture<Void> payStopped = CompletableFuture.runAsync(() -> stop(pay));
        stop(account);
        payStopped.join();
        CompletableFuture<Void> brokerStopped = CompletableFuture.runAsync(() -> stop(broker));
        stop(database);
        brokerStopped.join();
    }

    private static String newServiceToken() {
        byte[] secret = new byte[32];
        new java.security.SecureRandom().nextBytes(secret);
        return java.util.Base64.getUrlEncoder().withoutPadding().encodeToString(secret);
    }

    private static void writeOwnerOnly(Path file, String content) {
        try {
            Files.createDirectories(file.getParent());
            Files.createFile(file, java.nio.file.attribute.PosixFilePermissions.asFileAttribute(
                    java.nio.file.attribute.PosixFilePermissions.fromString("rw-------")));
            Files.writeString(file, content);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void stop(JavaProcess process) {
        if (process != null) {
            process.stop();
        }
    }

    private void refuseIfClosed() {
        if (closed) {
            throw new IllegalStateException("the stack is shutting down");
        }
    }

    static void deleteRecursively(Path dir) {
        if (!Files.exists(dir)) {
            return;
        }
        try (var paths = Files.walk(dir)) {
            paths.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
