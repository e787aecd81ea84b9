package io.dtx.system;

import static io.dtx.system.Http.rechargeJson;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.dtx.contract.Messaging;
import io.dtx.sandbox.EmbeddedRocketMq;
import io.dtx.sandbox.RocketMqAdmin;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The local message table's promise, on a broker of its own that the test really stops and starts
 * again on the same ports and store: while the broker is down the pay service still takes
 * payments (the transactional publisher would refuse them), the send right after each commit
 * fails, and once the broker is back the relay delivers every one, credited exactly once.
 */
class OutboxBrokerOutageIntegrationTests {

    @TempDir
    Path brokerHome;

    @Test
    void paymentsAreTakenWhileTheBrokerIsDownAndCreditedOnceWhenItIsBack() throws Exception {
        DtxStack stack = DtxStack.get();
        int namesrvPort = OutboxInstances.freePort();
        int brokerPort = OutboxInstances.freeBrokerPort();
        EmbeddedRocketMq broker = startBroker(namesrvPort, brokerPort);
        String accountNo = stack.db.newAccount("outbox-outage-");
        try (ConfigurableApplicationContext account = OutboxInstances.account(stack, broker.namesrvAddr());
                ConfigurableApplicationContext pay =
                        OutboxInstances.pay(stack, broker.namesrvAddr(), Map.of("dtx.pay.outbox.sends", 1000))) {
            Http http = OutboxInstances.http(pay);
            String before = paid(http, accountNo);
            await().atMost(Duration.ofSeconds(30)).until(() -> stack.db.credits(before) == 1);
            assertThat(OutboxInstances.sends(pay, "immediate"))
                    .as("with the broker up, the send right after commit delivers")
                    .isPositive();

            broker.close();
            List<String> duringOutage = new ArrayList<>();
            for (int i = 0; i < 8; i++) {
                duringOutage.add(paid(http, accountNo));
            }
            // The send right after commit failed: each row is still 'init', with its error kept.
            await().atMost(Duration.ofSeconds(30))
                    .until(() -> duringOutage.stream().allMatch(txNo -> lastError(stack, txNo) != null));
            assertThat(duringOutage).allMatch(txNo -> "init".equals(OutboxInstances.status(stack, txNo)));
            assertThat(duringOutage).allMatch(txNo -> stack.db.credits(txNo) == 0);

            broker = startBroker(namesrvPort, brokerPort);
            await().atMost(Duration.ofSeconds(90))
                    .until(() -> duringOutage.stream().allMatch(txNo -> stack.db.credits(txNo) == 1));
            await().atMost(Duration.ofSeconds(10))
                    .until(() -> duringOutage.stream()
                            .allMatch(txNo -> "finish".equals(OutboxInstances.status(stack, txNo))));
            assertThat(stack.db.balance(accountNo))
                    .as("nine payments of 3.00, each credited exactly once")
                    .isEqualByComparingTo(new BigDecimal("27.00"));
            assertThat(OutboxInstances.sends(pay, "relay")).isGreaterThanOrEqualTo(duringOutage.size());
        } finally {
            broker.close();
        }
    }

    /** A recharge that must be taken (201), broker or not; returns its txNo. */
    private static String paid(Http http, String accountNo) {
        Http.Response response = http.post("/pay/recharges", rechargeJson(accountNo, "3.00"));
        assertThat(response.status()).as(response.body()).isEqualTo(201);
        return response.json().get("txNo").asString();
    }

    private static String lastError(DtxStack stack, String txNo) {
        return stack.db.scalar("bank1_pay", "SELECT last_error FROM mq_notify WHERE tx_no = ?", String.class, txNo);
    }

    private EmbeddedRocketMq startBroker(int namesrvPort, int brokerPort) {
        EmbeddedRocketMq broker = EmbeddedRocketMq.start(brokerHome, namesrvPort, brokerPort);
        try (RocketMqAdmin admin = new RocketMqAdmin(broker.namesrvAddr(), broker::registerWithNamesrv)) {
            admin.declare(List.of(Messaging.RECHARGE_TOPIC), List.of(Messaging.ACCOUNT_CONSUMER_GROUP));
        }
        return broker;
    }
}
