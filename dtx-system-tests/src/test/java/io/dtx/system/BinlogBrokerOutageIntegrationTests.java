package io.dtx.system;

import static io.dtx.system.Http.rechargeJson;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.dtx.contract.Messaging;
import io.dtx.relay.RelayApplication;
import io.dtx.sandbox.EmbeddedRocketMq;
import io.dtx.sandbox.RocketMqAdmin;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The binlog relay's promise when the broker is gone, on a broker of its own that the test really
 * stops and starts again on the same ports and store: payments keep being taken (they are only
 * rows), the relay fails to publish the first of them and reads again from its saved position,
 * which does not move while the broker is away; once the broker is back, the same relay delivers
 * every one, and each is credited exactly once, by its message.
 */
class BinlogBrokerOutageIntegrationTests {

    private static final String RELAY_NAME = "it-broker-outage";

    @TempDir
    Path brokerHome;

    @Test
    void theRelayWaitsWithItsPositionWhileTheBrokerIsDownAndDeliversWhenItIsBack() throws Exception {
        DtxStack stack = DtxStack.get();
        int namesrvPort = OutboxInstances.freePort();
        int brokerPort = OutboxInstances.freeBrokerPort();
        EmbeddedRocketMq broker = startBroker(namesrvPort, brokerPort);
        String accountNo = stack.db.newAccount("binlog-outage-");
        try (ConfigurableApplicationContext account = OutboxInstances.account(stack, broker.namesrvAddr());
                ConfigurableApplicationContext pay =
                        OutboxInstances.pay(stack, broker.namesrvAddr(), Map.of("dtx.pay.publisher", "binlog"));
                ConfigurableApplicationContext relay = startRelay(broker.namesrvAddr())) {
            Http http = OutboxInstances.http(pay);
            Http relayHttp = OutboxInstances.http(relay);
            String before = paid(http, accountNo);
            await().atMost(Duration.ofSeconds(30)).until(() -> stack.db.credits(before) == 1);

            broker.close();
            List<String> duringOutage = new ArrayList<>();
            for (int i = 0; i < 5; i++) {
                duringOutage.add(paid(http, accountNo));
            }
            awaitFailedPublish(relayHttp, duringOutage.get(0));
            String savedDuringOutage = savedPosition(stack);
            Thread.sleep(4000); // more failed attempts, each from the saved position
            assertThat(savedPosition(stack))
                    .as("the position does not move while the broker is away")
                    .isEqualTo(savedDuringOutage);
            assertThat(duringOutage).allMatch(txNo -> stack.db.credits(txNo) == 0);

            broker = startBroker(namesrvPort, brokerPort);
            await().atMost(Duration.ofSeconds(90))
                    .until(() -> duringOutage.stream().allMatch(txNo -> stack.db.credits(txNo) == 1));
            duringOutage.forEach(txNo -> assertThat(stack.db.appliedBy(txNo))
                    .as("delivered by the relay's message, not by a safety net")
                    .isEqualTo("MESSAGE"));
            assertThat(stack.db.balance(accountNo)).isEqualByComparingTo("18.00");
            await().atMost(Duration.ofSeconds(10))
                    .until(() -> !savedPosition(stack).equals(savedDuringOutage));
        } finally {
            broker.close();
        }
    }

    /** The fault counts only once the relay really failed to publish the payment. */
    private static void awaitFailedPublish(Http relayHttp, String txNo) {
        await().atMost(Duration.ofSeconds(30))
                .until(() -> relayHttp
                        .get("/relay/status")
                        .json()
                        .get("lastError")
                        .asString("")
                        .contains(txNo));
    }

    /** A recharge that must be taken (201), broker or not; returns its txNo. */
    private static String paid(Http http, String accountNo) {
        Http.Response response = http.post("/pay/recharges", rechargeJson(accountNo, "3.00"));
        assertThat(response.status()).as(response.body()).isEqualTo(201);
        return response.json().get("txNo").asString();
    }

    private static ConfigurableApplicationContext startRelay(String namesrvAddr) {
        return new SpringApplicationBuilder(RelayApplication.class)
                .run(RelayStack.relayArgs(
                        DtxStack.get().infra,
                        Map.of(
                                "dtx.relay.name",
                                RELAY_NAME,
                                "dtx.relay.binlog.server-id",
                                6414,
                                "rocketmq.name-server",
                                namesrvAddr,
                                "rocketmq.producer.send-message-timeout",
                                1000)));
    }

    private static String savedPosition(DtxStack stack) {
        return stack.db.scalar(
                "dtx_relay",
                "SELECT CONCAT(binlog_file, ':', binlog_offset) FROM relay_position WHERE relay_name = ?",
                String.class,
                RELAY_NAME);
    }

    private EmbeddedRocketMq startBroker(int namesrvPort, int brokerPort) {
        EmbeddedRocketMq broker = EmbeddedRocketMq.start(brokerHome, namesrvPort, brokerPort);
        try (RocketMqAdmin admin = new RocketMqAdmin(broker.namesrvAddr(), broker::registerWithNamesrv)) {
            admin.declare(List.of(Messaging.RECHARGE_TOPIC), List.of(Messaging.ACCOUNT_CONSUMER_GROUP));
        }
        return broker;
    }
}
