package io.dtx.walkthrough.compose;

import static org.assertj.core.api.Assertions.assertThat;

import io.dtx.contract.Messaging;
import io.dtx.testsupport.ComposeBroker;
import io.dtx.testsupport.ScriptRun;
import java.io.IOException;
import java.io.InputStream;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer.OrderAnnotation;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * The compose stack's broker scripts run for real (see {@link ComposeBroker}): the configuration
 * {@code start-broker.sh} writes starts a broker with access control, then {@code create-topics.sh}
 * and {@code create-users.sh} run against it, each also where it must fail. What they made is
 * checked with clients signing as each identity (see {@link BrokerIdentities}).
 */
@TestMethodOrder(OrderAnnotation.class)
class BrokerInitScriptsIntegrationTests {

    /** ResponseCode.NO_PERMISSION: the broker refused, not a network that failed. */
    static final String REFUSED_BY_THE_BROKER = "REFUSED: CODE: 16 ";

    private static ComposeBroker compose;

    @BeforeAll
    static void startTheBrokerWithTheScriptsConfiguration() throws IOException {
        compose = ComposeBroker.start(Path.of("target/compose-scripts/rocketmq"));
        Properties conf = new Properties();
        try (InputStream in = Files.newInputStream(compose.recordedConfiguration())) {
            conf.load(in);
        }
        assertThat(conf.getProperty("authenticationEnabled")).isEqualTo("true");
        assertThat(conf.getProperty("authorizationEnabled")).isEqualTo("true");
        assertThat(conf.getProperty("initAuthenticationUser")).contains("\"username\":\"" + ComposeBroker.ADMIN + "\"");
    }

    @AfterAll
    static void stopBroker() {
        if (compose != null) {
            compose.close();
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
        // A wrong super-user password: the broker refuses every creation (mqadmin would still exit 0).
        ScriptRun run = run("create-topics.sh", Map.of("MQ_ADMIN_PASSWORD", "wrong-" + UUID.randomUUID()));

        assertThat(run.exitCode()).as(run.output()).isNotZero();
        assertThat(run.output()).contains("Topic:dtx-recharge=4 could not be created");
    }

    @Test
    @Order(4)
    void topicsAndGroupsAreCreatedAndVerified() throws Exception {
        ScriptRun run = run("create-topics.sh", Map.of());

        assertThat(run.exitCode()).as(run.output()).isZero();
        try (BrokerIdentities identities = identities()) {
            for (String topic : Messaging.TOPICS) {
                assertThat(identities.topicExists(topic)).as(topic).isTrue();
            }
            for (String group : Messaging.CONSUMER_GROUPS) {
                assertThat(identities.groupExists(compose.broker().brokerAddr(), group))
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
        assertThat(run.output()).doesNotContain(secret("pay")).doesNotContain(compose.secret("MQ_ADMIN_PASSWORD"));

        try (BrokerIdentities identities = identities()) {
            String txNo = UUID.randomUUID().toString();
            assertThat(identities.send("dtx-pay", secret("pay"), Messaging.RECHARGE_TOPIC, txNo))
                    .as("pay sends recharges")
                    .isEqualTo("SEND_OK");
            assertThat(identities.send("dtx-pay", secret("pay"), Messaging.RECHARGE_REQUEST_TOPIC, txNo))
                    .isEqualTo("SEND_OK");
            assertThat(identities.send("dtx-account", secret("account"), Messaging.RECHARGE_TOPIC, txNo))
                    .as("the account service cannot send a recharge")
                    .startsWith(REFUSED_BY_THE_BROKER);
            assertThat(identities.send("dtx-account", secret("account"), Messaging.RECHARGE_REQUEST_TOPIC, txNo))
                    .as("nor a recharge request")
                    .startsWith(REFUSED_BY_THE_BROKER);
            assertThat(identities.updateBrokerConfig(
                            "dtx-account", secret("account"), compose.broker().brokerAddr(), "brokerPermission", "4"))
                    .as("no service may stop the broker taking messages")
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

        try (BrokerIdentities identities = identities()) {
            assertThat(identities.send("dtx-pay", secret("pay"), Messaging.RECHARGE_TOPIC, "old"))
                    .startsWith(REFUSED_BY_THE_BROKER);
            assertThat(identities.send("dtx-pay", "rotated-" + secret("pay"), Messaging.RECHARGE_TOPIC, "new"))
                    .isEqualTo("SEND_OK");
        }
    }

    private static String secret(String service) {
        return compose.secret(service.toUpperCase(Locale.ROOT) + "_MQ_SECRET");
    }

    private static ScriptRun run(String script, Map<String, String> overrides) {
        return compose.run(script, overrides);
    }

    private static BrokerIdentities identities() throws Exception {
        return new BrokerIdentities(compose.namesrvAddr(), ComposeBroker.ADMIN, compose.secret("MQ_ADMIN_PASSWORD"));
    }
}
