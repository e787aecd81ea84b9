package io.dtx.sandbox;

import io.dtx.contract.Messaging;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The sandbox as a process of its own, used by {@code ./dtx}: starts the broker and/or the
 * database, creates the topics, schemas and service users, writes their addresses and logins to
 * an env file, and runs until it is terminated (SIGTERM or Ctrl-C), when it stops what it started.
 *
 * <pre>java -jar dtx-sandbox-exec.jar WORK_DIR ENV_FILE [all|broker|database]</pre>
 *
 * {@code ./dtx} runs the broker and the database as two processes, so a fault campaign can kill
 * and restart the broker alone. A restarted broker must come back on the same ports with the same
 * store: {@code DTX_NAMESRV_PORT} and {@code DTX_BROKER_PORT} fix them (the first start writes
 * the ports it picked to the env file).
 */
public final class SandboxMain {

    private SandboxMain() {}

    public static void main(String[] args) throws Exception {
        if (args.length < 2 || args.length > 3) {
            System.err.println("usage: SandboxMain WORK_DIR ENV_FILE [all|broker|broker2|database]");
            System.exit(2);
        }
        Path workDir = Path.of(args[0]).toAbsolutePath();
        Path envFile = Path.of(args[1]).toAbsolutePath();
        String part = args.length == 3 ? args[2].toLowerCase(Locale.ROOT) : "all";
        Files.deleteIfExists(envFile);
        String env;
        try {
            env = switch (part) {
                case "all" -> all(workDir);
                case "broker" -> broker(workDir);
                case "broker2" -> secondBroker(workDir);
                case "database" -> database(workDir);
                default -> throw new IllegalArgumentException("unknown part: " + part + " (all, broker or database)");
            };
        } catch (RuntimeException e) {
            // The broker keeps a non-daemon thread: without an exit the failed process would live on,
            // and whoever waits for it would wait out its whole start timeout.
            e.printStackTrace();
            System.exit(1);
            return;
        }
        writeAtomically(
                envFile, env + "DTX_SANDBOX_PID=" + ProcessHandle.current().pid() + "\n");
        // The broker keeps a non-daemon thread; the JVM ends when it is signalled, after the hook.
        Thread.currentThread().join();
    }

    private static String all(Path workDir) {
        Sandbox sandbox = Sandbox.start(SandboxConfig.fromEnvironment(workDir));
        Runtime.getRuntime().addShutdownHook(new Thread(sandbox::close, "sandbox-stop"));
        sandbox.declare(Messaging.TOPICS, Messaging.CONSUMER_GROUPS);
        return "DTX_NAMESRV_ADDR=" + sandbox.namesrvAddr() + "\n"
                + databaseEnv(
                        sandbox.mysql(),
                        Map.of(
                                "bank1_pay",
                                sandbox.serviceLogin("bank1_pay"),
                                "bank1",
                                sandbox.serviceLogin("bank1"),
                                "dtx_notify",
                                sandbox.serviceLogin("dtx_notify")));
    }

    private static String broker(Path workDir) throws IOException {
        int brokerPort = portFromEnv("DTX_BROKER_PORT").orElse(freeBrokerPort());
        EmbeddedRocketMq broker = EmbeddedRocketMq.start(
                workDir.resolve("rocketmq"), portFromEnv("DTX_NAMESRV_PORT").orElse(0), brokerPort);
        Runtime.getRuntime().addShutdownHook(new Thread(broker::close, "broker-stop"));
        // Idempotent: a restarted broker already has its topics in its store.
        try (RocketMqAdmin admin = new RocketMqAdmin(broker.namesrvAddr(), broker::registerWithNamesrv)) {
            admin.declare(Messaging.TOPICS, Messaging.CONSUMER_GROUPS);
            EnvironmentLogins.declare(admin, EnvironmentLogins.fromEnvironment());
        }
        return "DTX_NAMESRV_ADDR=" + broker.namesrvAddr() + "\nDTX_NAMESRV_PORT=" + broker.namesrvPort()
                + "\nDTX_BROKER_PORT=" + broker.brokerPort() + "\n";
    }

    /** A second broker of the cluster, for the campaign's two-broker fault: joins DTX_NAMESRV_ADDR. */
    private static String secondBroker(Path workDir) throws IOException {
        String namesrvAddr = Optional.ofNullable(System.getenv("DTX_NAMESRV_ADDR"))
                .orElseThrow(() -> new IllegalStateException("broker2 joins a name server: set DTX_NAMESRV_ADDR"));
        int brokerPort = portFromEnv("DTX_BROKER_PORT").orElse(freeBrokerPort());
        EmbeddedRocketMq broker = EmbeddedRocketMq.startSecondBroker(
                workDir.resolve("rocketmq-2"), namesrvAddr, EmbeddedRocketMq.BROKER_NAME + "-2", brokerPort);
        Runtime.getRuntime().addShutdownHook(new Thread(broker::close, "broker-stop"));
        try (RocketMqAdmin admin = new RocketMqAdmin(namesrvAddr, broker::registerWithNamesrv)) {
            admin.declare(Messaging.TOPICS, Messaging.CONSUMER_GROUPS);
        }
        return "DTX_BROKER_PORT=" + broker.brokerPort() + "\n";
    }

    private static String database(Path workDir) {
        MysqlServer server;
        if (SandboxConfig.DEBIAN_MARIADB.equals(System.getenv("DTX_SANDBOX_DATABASE"))) {
            // MariaDB 11.8: its binlog names each transaction's thread (the relay's routing).
            DebianMariaDb db = DebianMariaDb.start(workDir.resolve("mariadb-11.8"));
            Runtime.getRuntime().addShutdownHook(new Thread(db::close, "database-stop"));
            server = db.server();
        } else {
            EmbeddedMariaDb db = EmbeddedMariaDb.start(workDir.resolve("mariadb"));
            Runtime.getRuntime().addShutdownHook(new Thread(db::close, "database-stop"));
            server = db.server();
        }
        SqlScripts.apply(server, SqlScripts.SCHEMAS);
        return databaseEnv(server, ServiceUsers.create(server))
                + environmentsEnv(server, EnvironmentLogins.create(server, EnvironmentLogins.fromEnvironment()));
    }

    /** Each environment's logins, by its name in capitals: DTX_PAY_DB_USER_DEV, DTX_JDBC_URL_BANK1_DEV, ... */
    private static String environmentsEnv(MysqlServer admin, Map<String, EnvironmentLogins.Environment> environments) {
        StringBuilder env = new StringBuilder();
        environments.values().forEach(e -> {
            String suffix = "_" + e.name().toUpperCase(Locale.ROOT);
            env.append("DTX_PAY_DB_USER")
                    .append(suffix)
                    .append('=')
                    .append(e.pay().user())
                    .append('\n');
            env.append("DTX_PAY_DB_PASSWORD")
                    .append(suffix)
                    .append('=')
                    .append(e.pay().password())
                    .append('\n');
            env.append("DTX_ACCOUNT_DB_USER")
                    .append(suffix)
                    .append('=')
                    .append(e.account().user())
                    .append('\n');
            env.append("DTX_ACCOUNT_DB_PASSWORD")
                    .append(suffix)
                    .append('=')
                    .append(e.account().password())
                    .append('\n');
            env.append("DTX_JDBC_URL_BANK1")
                    .append(suffix)
                    .append('=')
                    .append(admin.jdbcUrl(e.accountSchema()))
                    .append('\n');
        });
        return env.toString();
    }

    private static String databaseEnv(MysqlServer admin, Map<String, MysqlServer> logins) {
        return """
                DTX_MYSQL_URL=%s
                DTX_MYSQL_USER=%s
                DTX_MYSQL_PASSWORD=%s
                DTX_JDBC_URL_BANK1=%s
                DTX_JDBC_URL_BANK1_PAY=%s
                DTX_PAY_DB_USER=%s
                DTX_PAY_DB_PASSWORD=%s
                DTX_ACCOUNT_DB_USER=%s
                DTX_ACCOUNT_DB_PASSWORD=%s
                DTX_JDBC_URL_DTX_NOTIFY=%s
                DTX_NOTIFIER_DB_USER=%s
                DTX_NOTIFIER_DB_PASSWORD=%s
                DTX_JDBC_URL_DTX_RELAY=%s
                DTX_RELAY_DB_USER=%s
                DTX_RELAY_DB_PASSWORD=%s
                """.formatted(
                        admin.baseUrl(),
                        admin.user(),
                        admin.password(),
                        admin.jdbcUrl("bank1"),
                        admin.jdbcUrl("bank1_pay"),
                        logins.get("bank1_pay").user(),
                        logins.get("bank1_pay").password(),
                        logins.get("bank1").user(),
                        logins.get("bank1").password(),
                        admin.jdbcUrl("dtx_notify"),
                        logins.get("dtx_notify").user(),
                        logins.get("dtx_notify").password(),
                        admin.jdbcUrl("dtx_relay"),
                        logins.get("dtx_relay").user(),
                        logins.get("dtx_relay").password());
    }

    private static Optional<Integer> portFromEnv(String name) {
        String value = System.getenv(name);
        return value == null || value.isBlank() ? Optional.empty() : Optional.of(Integer.parseInt(value.strip()));
    }

    /** A free port P whose P-2 is free too (the broker's VIP channel), so a restart can bind both again. */
    static int freeBrokerPort() throws IOException {
        for (int attempt = 0; attempt < 50; attempt++) {
            try (ServerSocket candidate = new ServerSocket(0)) {
                int port = candidate.getLocalPort();
                if (port > 1026 && isFree(port - 2)) {
                    return port;
                }
            }
        }
        throw new IllegalStateException("No free port P with P-2 free found for the broker");
    }

    private static boolean isFree(int port) {
        try (ServerSocket ignored = new ServerSocket(port)) {
            return true;
        } catch (IOException taken) {
            return false;
        }
    }

    /** Readers poll for this file: it must never be seen half written. It holds passwords: owner only. */
    private static void writeAtomically(Path file, String content) throws IOException {
        Files.createDirectories(file.getParent());
        Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
        Files.deleteIfExists(tmp);
        try {
            Files.createFile(tmp, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        } catch (UnsupportedOperationException notPosix) {
            Files.createFile(tmp);
        }
        Files.writeString(tmp, content);
        Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    }
}
