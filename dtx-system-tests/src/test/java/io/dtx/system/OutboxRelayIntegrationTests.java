package io.dtx.system;

import static io.dtx.system.Http.rechargeJson;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.rocketmq.client.consumer.DefaultMQPushConsumer;
import org.junit.jupiter.api.Test;
import org.springframework.context.ConfigurableApplicationContext;

/** The relay of the local message table on the shared broker and database. */
class OutboxRelayIntegrationTests {

    /**
     * Two pay instances relay the same table at once. Every row is sent exactly once, counted from
     * what reached the broker (a consumer group of the test's own), and both relays did send:
     * otherwise this would prove nothing about two of them.
     */
    @Test
    void twoRelaysNeverSendOneRowTwiceAndDeliverEveryRow() throws Exception {
        DtxStack stack = DtxStack.get();
        String accountNo = stack.db.newAccount("outbox-two-");
        Map<String, AtomicInteger> received = new ConcurrentHashMap<>();
        DefaultMQPushConsumer counter = OutboxRows.countingConsumer(stack, received);
        Map<String, Object> small = Map.of("dtx.pay.outbox.batch", 5);
        try (ConfigurableApplicationContext first = OutboxInstances.pay(stack, stack.infra.namesrvAddr(), small);
                ConfigurableApplicationContext second = OutboxInstances.pay(stack, stack.infra.namesrvAddr(), small)) {
            List<String> txNos = OutboxRows.asIfWrittenByAPublisher(stack, accountNo, 200);

            await().atMost(Duration.ofSeconds(60))
                    .until(() -> txNos.stream().allMatch(txNo -> received.containsKey(txNo)));
            await().atMost(Duration.ofSeconds(30))
                    .until(() -> txNos.stream().allMatch(txNo -> stack.db.credits(txNo) == 1));
            Thread.sleep(2000); // room for a second copy to arrive, were there one

            assertThat(txNos).allMatch(txNo -> received.get(txNo).get() == 1, "sent exactly once");
            assertThat(txNos).allMatch(txNo -> "finish".equals(OutboxInstances.status(stack, txNo)));
            assertThat(OutboxInstances.sends(first, "relay"))
                    .as("first relay's sends")
                    .isPositive();
            assertThat(OutboxInstances.sends(second, "relay"))
                    .as("second relay's sends")
                    .isPositive();
        } finally {
            counter.shutdown();
        }
    }

    /** Out of sends: given up (an alarm), listed for a person, re-driven by one, then delivered. */
    @Test
    void aRowOutOfSendsIsGivenUpAndDeliveredOnceAPersonReDrivesIt() throws Exception {
        DtxStack stack = DtxStack.get();
        String accountNo = stack.db.newAccount("outbox-gaveup-");
        String txNo;
        String deadBroker = "127.0.0.1:" + OutboxInstances.freePort();
        try (ConfigurableApplicationContext cutOff =
                OutboxInstances.pay(stack, deadBroker, Map.of("dtx.pay.outbox.sends", 2))) {
            Http.Response taken = OutboxInstances.http(cutOff).post("/pay/recharges", rechargeJson(accountNo, "4.00"));
            assertThat(taken.status()).as(taken.body()).isEqualTo(201);
            txNo = taken.json().get("txNo").asString();
            String given = txNo;
            await().atMost(Duration.ofSeconds(60)).until(() -> "gave_up".equals(OutboxInstances.status(stack, given)));
            assertThat(gaveUpCounter(cutOff)).isEqualTo(1.0);
        }
        try (ConfigurableApplicationContext pay = OutboxInstances.pay(stack, stack.infra.namesrvAddr(), Map.of())) {
            Http http = OutboxInstances.http(pay);
            assertThat(http.get("/pay/outbox?status=gave_up").body()).contains(txNo);
            assertThat(http.withoutToken()
                            .post("/pay/outbox/" + txNo + "/redrive", "")
                            .status())
                    .as("internal: no token, no re-drive")
                    .isEqualTo(401);
            assertThat(stack.db.credits(txNo)).isZero();

            Http.Response redriven = http.post("/pay/outbox/" + txNo + "/redrive", "");

            assertThat(redriven.status()).as(redriven.body()).isEqualTo(200);
            String driven = txNo;
            await().atMost(Duration.ofSeconds(30)).until(() -> stack.db.credits(driven) == 1);
            assertThat(http.post("/pay/outbox/" + txNo + "/redrive", "").status())
                    .as("only a given-up row can be re-driven")
                    .isEqualTo(409);
        }
    }

    /** Cleanup retires, then removes, only finished rows past their retention; nothing else. */
    @Test
    void cleanupRemovesOnlyFinishedRowsPastRetention() throws Exception {
        DtxStack stack = DtxStack.get();
        String oldFinished = row(stack, "finish", "INTERVAL 2 HOUR");
        String oldPending = row(stack, "init", "INTERVAL 2 HOUR");
        // Never due: no relay of a later test may pick up this bare row.
        stack.db.update("bank1_pay", "UPDATE mq_notify SET next_attempt_at = '2999-01-01' WHERE tx_no = ?", oldPending);
        String oldGivenUp = row(stack, "gave_up", "INTERVAL 2 HOUR");
        String recentFinished = row(stack, "finish", "INTERVAL 1 SECOND");
        try (ConfigurableApplicationContext pay = OutboxInstances.pay(
                stack,
                stack.infra.namesrvAddr(),
                Map.of(
                        "dtx.pay.outbox.retention", "PT1H",
                        "dtx.pay.outbox.purge-after", "PT1S",
                        "dtx.pay.outbox.cleanup-interval", "PT0.5S",
                        "dtx.pay.outbox.relay-enabled", false,
                        "dtx.pay.publisher", "transactional"))) {
            await().atMost(Duration.ofSeconds(30)).until(() -> OutboxInstances.status(stack, oldFinished) == null);

            assertThat(OutboxInstances.status(stack, oldPending)).isEqualTo("init");
            assertThat(OutboxInstances.status(stack, oldGivenUp)).isEqualTo("gave_up");
            assertThat(OutboxInstances.status(stack, recentFinished)).isEqualTo("finish");
            assertThat(stack.db.scalar(
                            "bank1_pay", "SELECT yn FROM mq_notify WHERE tx_no = ?", Integer.class, recentFinished))
                    .as("still within retention: valid")
                    .isEqualTo(1);
        }
    }

    private static double gaveUpCounter(ConfigurableApplicationContext pay) {
        return pay.getBean(MeterRegistry.class)
                .counter("dtx.pay.outbox.gave_up")
                .count();
    }

    /** A bare message row whose update_time lies {@code age} in the past. */
    private static String row(DtxStack stack, String status, String age) {
        String txNo = UUID.randomUUID().toString();
        stack.db.update(
                "bank1_pay",
                "INSERT INTO mq_notify (tx_no, message, status, update_time) VALUES (?, '{}', ?, UTC_TIMESTAMP(3) - "
                        + age + ")",
                txNo,
                status);
        return txNo;
    }
}
