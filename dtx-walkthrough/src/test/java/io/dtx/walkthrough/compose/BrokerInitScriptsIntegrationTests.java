package io.dtx.walkthrough.compose;

import static org.assertj.core.api.Assertions.assertThat;

import io.dtx.contract.Messaging;
import io.dtx.sandbox.EmbeddedRocketMq;
import java.io.IOException;
import java.io.InputStream;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Comparator;
import java.util.HashMap;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer.OrderAnnotation;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;

/**
 * The compose stack's broker scripts run for real: {@code start-broker.sh} writes the broker's
 * configuration (its {@code mqbroker} is stood in for by a recorder, since a JVM of the image is
 * not here), a broker starts with that configuration (ACL 2.0 on), and {@code create-topics.sh} and
 * {@code create-users.sh} run against it with RocketMQ's own admin tool from its jars. What they
 * made is then checked with clients signing as each identity (see {@link BrokerIdentities}).
 */
@TestMethodOrder(OrderAnnotation.class)
class BrokerInitScriptsIntegrationTests {

    static final Path SCRIPTS = ScriptRun.ROOT.resolve("docker/rocketmq");
    static final String ADMIN = "dtx-admin";
    /** ResponseCode.NO_PERMISSION: the broker refused, not a network that failed. */
    static final String REFUSED_BY_THE_BROKER = "REFUSED: CODE: 16 ";

    static final String ADMIN_PASSWORD = "admin-" + UUID.randomUUID();

    @TempDir
    static Path home;

    private static EmbeddedRocketMq broker;

    @BeforeAll
    static void startTheBrokerWithTheScriptsConfiguration() throws IOException {
        Files.createDirectories(home.resolve("conf"));
        Path recorder = Files.createDirectories(home.resolve("bin")).resolve("mqbroker");
        Files.writeString(
                recorder,
                "#!/bin/sh\n# stands in for: mqbroker -n NS -c FILE\n"
                        + "cp \"$4\" \"$(dirname \"$0\")/../recorded.conf\"\n");
        Files.setPosixFilePermissions(recorder, PosixFilePermissions.fromString("rwxr-xr-x"));

        ScriptRun started = run("start-broker.sh", Map.of());
        assertThat(started.exitCode()).as(started.output()).isZero();
        Properties conf = new Properties();
        try (InputStream in = Files.newInputStream(home.resolve("recorded.conf"))) {
            conf.load(in);
        }
        assertThat(conf.getProperty("authenticationEnabled")).isEqualTo("true");
        assertThat(conf.getProperty("initAuthenticationUser")).contains("\"username\":\"" + ADMIN + "\"");
        // A fresh store: users live there, and the super user of an earlier run had another password.
        Path store = Path.of("target/compose-scripts/rocketmq");
        if (Files.exists(store)) {
            try (Stream<Path> files = Files.walk(store)) {
                files.sorted(Comparator.reverseOrder())
                        .forEach(file -> file.toFile().delete());
            }
        }
        broker = EmbeddedRocketMq.start(store, conf);
    }

    @AfterAll
    static void stopBroker() {
        if (broker != null) {
            broker.close();
        }
    }

    @Test
    @Order(1)
    void theBrokerDoesNotStartWithoutItsSuperUser() {
        ScriptRun run = run("start-broker.sh", Map.of("MQ_ADMIN_PASSWORD", ""));

        assertThat(run.exitCode()).isNotZero();
        assertThat(run.output()).contains("MQ_ADMIN_PASSWORD is not set");
    }

    @Test
    @Order(2)
    void topicsFailWhenNoBrokerAnswers() throws IOException {
        int nobody;
        try (ServerSocket free = new ServerSocket(0)) {
            nobody = free.getLocalPort();
        }
        ScriptRun run =
                run("create-topics.sh", Map.of("NAMESRV_ADDR", "127.0.0.1:" + nobody, "BROKER_WAIT_SECONDS", "3"));

        assertThat(run.exitCode()).as(run.output()).isNotZero();
        assertThat(run.output()).contains("no broker of cluster DefaultCluster registered");
    }

    @Test
    @Order(3)
    void topicsFailWhenATopicWasNotCreated() {
        // A wrong super-user password: the broker refuses every creation, mqadmin still exits 0.
        ScriptRun run = run("create-topics.sh", Map.of("MQ_ADMIN_PASSWORD", "wrong-" + UUID.randomUUID()));

        assertThat(run.exitCode()).as(run.output()).isNotZero();
        assertThat(run.output()).contains("topic dtx-recharge does not exist after creating it");
    }

    @Test
    @Order(4)
    void topicsAndGroupsAreCreatedAndVerified() throws Exception {
        ScriptRun run = run("create-topics.sh", Map.of());

        assertThat(run.exitCode()).as(run.output()).isZero();
        try (BrokerIdentities identities = new BrokerIdentities(broker.namesrvAddr())) {
            for (String topic : Messaging.TOPICS) {
                assertThat(identities.topicExists(topic)).as(topic).isTrue();
            }
            for (String group : Messaging.CONSUMER_GROUPS) {
                assertThat(identities.groupExists(broker.brokerAddr(), group))
                        .as(group)
                        .isTrue();
                assertThat(identities.topicExists("%DLQ%" + group))
                        .as("DLQ of " + group)
                        .isTrue();
                assertThat(identities.topicExists("%RETRY%" + group))
                        .as("retry of " + group)
                        .isTrue();
            }
        }
    }

    @Test
    @Order(5)
    void eachServiceMayDoWhatItNeedsAndNothingElse() throws Exception {
        ScriptRun run = run("create-users.sh", Map.of());
        assertThat(run.exitCode()).as(run.output()).isZero();
        assertThat(run.output()).doesNotContain(secret("pay")).doesNotContain(ADMIN_PASSWORD);

        try (BrokerIdentities identities = new BrokerIdentities(broker.namesrvAddr())) {
            String txNo = UUID.randomUUID().toString();
            assertThat(identities.send("dtx-pay", secret("pay"), Messaging.RECHARGE_TOPIC, txNo))
                    .as("pay sends recharges")
                    .isEqualTo("SEND_OK");
            assertThat(identities.send("dtx-pay", secret("pay"), Messaging.RECHARGE_REQUEST_TOPIC, txNo))
                    .isEqualTo("SEND_OK");
            assertThat(identities.send("dtx-account", secret("account"), Messaging.RECHARGE_TOPIC, txNo))
                    .as("the account service cannot send a recharge")
                    .startsWith(REFUSED_BY_THE_BROKER);
            assertThat(identities.send(null, null, Messaging.RECHARGE_TOPIC, txNo))
                    .as("nobody without a login can")
                    .startsWith(REFUSED_BY_THE_BROKER);
            assertThat(identities.send("dtx-pay", "not-" + secret("pay"), Messaging.RECHARGE_TOPIC, txNo))
                    .as("nor with a wrong secret")
                    .startsWith(REFUSED_BY_THE_BROKER);
            assertThat(identities.receive("dtx-account", secret("account"), Messaging.ACCOUNT_CONSUMER_GROUP, txNo))
                    .as("the account service consumes recharges with its group")
                    .isTrue();
        }
    }

    @Test
    @Order(6)
    void runningTheUsersScriptAgainSetsTheSecretsOfDotEnv() throws Exception {
        ScriptRun run = run("create-users.sh", Map.of("PAY_MQ_SECRET", "rotated-" + secret("pay")));
        assertThat(run.exitCode()).as(run.output()).isZero();

        try (BrokerIdentities identities = new BrokerIdentities(broker.namesrvAddr())) {
            assertThat(identities.send("dtx-pay", secret("pay"), Messaging.RECHARGE_TOPIC, "old"))
                    .startsWith(REFUSED_BY_THE_BROKER);
            assertThat(identities.send("dtx-pay", "rotated-" + secret("pay"), Messaging.RECHARGE_TOPIC, "new"))
                    .isEqualTo("SEND_OK");
        }
    }

    static String secret(String service) {
        return service + "-secret-" + ADMIN_PASSWORD.substring(6);
    }

    private static ScriptRun run(String script, Map<String, String> overrides) {
        Map<String, String> environment = new HashMap<>();
        environment.put("ROCKETMQ_HOME", home.toString());
        environment.put("HOME", home.toString());
        environment.put("MQ_ADMIN_USER", ADMIN);
        environment.put("MQ_ADMIN_PASSWORD", ADMIN_PASSWORD);
        environment.put("PAY_MQ_USER", "dtx-pay");
        environment.put("PAY_MQ_SECRET", secret("pay"));
        environment.put("ACCOUNT_MQ_USER", "dtx-account");
        environment.put("ACCOUNT_MQ_SECRET", secret("account"));
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
}
