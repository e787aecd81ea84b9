package io.dtx.testsupport;

import io.dtx.sandbox.Directories;
import io.dtx.sandbox.EmbeddedRocketMq;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.HashMap;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;

/**
 * A broker set up the way the compose stack sets up its own, by the stack's own scripts in
 * {@code docker/rocketmq}: {@code start-broker.sh} writes the configuration (access control on,
 * super user from the environment), then {@code create-topics.sh} and {@code create-users.sh} run
 * with RocketMQ's admin tool from its jars. The image's {@code mqbroker} is stood in for by a
 * recorder of the file it is given, and the broker runs in this JVM with that file.
 */
public final class ComposeBroker implements AutoCloseable {

    public static final Path SCRIPTS = ScriptRun.ROOT.resolve("docker/rocketmq");
    public static final String ADMIN = "dtx-admin";
    public static final String PAY_USER = "dtx-pay";
    public static final String ACCOUNT_USER = "dtx-account";
    public static final String NOTIFIER_USER = "dtx-notifier";
    public static final String RELAY_USER = "dtx-relay";

    private final Path home;
    private final Map<String, String> secrets;
    private final EmbeddedRocketMq broker;

    private ComposeBroker(Path home, Map<String, String> secrets, EmbeddedRocketMq broker) {
        this.home = home;
        this.secrets = secrets;
        this.broker = broker;
    }

    /** Writes and loads the configuration; the broker starts on a fresh store under {@code workDir}. */
    public static ComposeBroker start(Path workDir) {
        Path dir = workDir.toAbsolutePath();
        Directories.deleteRecursively(dir); // users live in the store: an old super user has another password
        String salt = UUID.randomUUID().toString();
        Map<String, String> secrets = Map.of(
                "MQ_ADMIN_PASSWORD", "admin-" + salt,
                "PAY_MQ_SECRET", "pay-" + salt,
                "ACCOUNT_MQ_SECRET", "account-" + salt,
                "NOTIFIER_MQ_SECRET", "notifier-" + salt,
                "RELAY_MQ_SECRET", "relay-" + salt);
        try {
            Path home = Files.createDirectories(dir.resolve("rocketmq-home"));
            Files.createDirectories(home.resolve("conf"));
            Path recorder = Files.createDirectories(home.resolve("bin")).resolve("mqbroker");
            Files.writeString(
                    recorder,
                    "#!/bin/sh\n# stands in for: mqbroker -n NS -c FILE\n"
                            + "cp \"$4\" \"$(dirname \"$0\")/../recorded.conf\"\n");
            Files.setPosixFilePermissions(recorder, PosixFilePermissions.fromString("rwxr-xr-x"));
            ComposeBroker unstarted = new ComposeBroker(home, secrets, null);
            unstarted.mustRun("start-broker.sh");
            Properties conf = new Properties();
            try (InputStream in = Files.newInputStream(home.resolve("recorded.conf"))) {
                conf.load(in);
            }
            return new ComposeBroker(home, secrets, EmbeddedRocketMq.start(dir.resolve("broker"), conf));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** {@link #start}, then the topics and the services' users, as the compose stack's init step. */
    public static ComposeBroker startWithTopicsAndUsers(Path workDir) {
        ComposeBroker broker = start(workDir);
        broker.mustRun("create-topics.sh");
        broker.mustRun("create-users.sh");
        return broker;
    }

    /** Runs one of the scripts with the environment compose gives it, plus the overrides. */
    public ScriptRun run(String script, Map<String, String> overrides) {
        Map<String, String> environment = new HashMap<>(secrets);
        environment.put("ROCKETMQ_HOME", home.toString());
        environment.put("HOME", home.toString());
        environment.put("MQ_ADMIN_USER", ADMIN);
        environment.put("PAY_MQ_USER", PAY_USER);
        environment.put("ACCOUNT_MQ_USER", ACCOUNT_USER);
        environment.put("NOTIFIER_MQ_USER", NOTIFIER_USER);
        environment.put("RELAY_MQ_USER", RELAY_USER);
        environment.put("MQADMIN_CLASSPATH", System.getProperty("java.class.path"));
        environment.put("BROKER_WAIT_SECONDS", "30");
        environment.put("JAVA_TOOL_OPTIONS", "-Duser.home=" + home); // the admin tool's own log files
        // The scripts call java and javac, as in the image: those of the JDK running this build.
        String java = ProcessHandle.current().info().command().orElseThrow();
        environment.put("PATH", Path.of(java).getParent() + ":" + System.getenv("PATH"));
        if (broker != null) {
            environment.put("NAMESRV_ADDR", broker.namesrvAddr());
        }
        environment.putAll(overrides);
        return ScriptRun.of(SCRIPTS.resolve(script), environment);
    }

    private void mustRun(String script) {
        ScriptRun run = run(script, Map.of());
        if (run.exitCode() != 0) {
            throw new IllegalStateException(script + " failed (exit " + run.exitCode() + "):\n" + run.output());
        }
    }

    /** A secret from the environment the scripts were given, e.g. {@code PAY_MQ_SECRET}. */
    public String secret(String variable) {
        return secrets.get(variable);
    }

    public Path recordedConfiguration() {
        return home.resolve("recorded.conf");
    }

    public EmbeddedRocketMq broker() {
        return broker;
    }

    public String namesrvAddr() {
        return broker.namesrvAddr();
    }

    @Override
    public void close() {
        if (broker != null) {
            broker.close();
        }
    }
}
