package io.dtx.system;

import static io.dtx.system.Http.rechargeJson;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.dtx.contract.Messaging;
import io.micrometer.core.instrument.MeterRegistry;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.rocketmq.client.consumer.DefaultMQPushConsumer;
import org.apache.rocketmq.client.consumer.listener.ConsumeConcurrentlyStatus;
import org.apache.rocketmq.client.consumer.listener.MessageListenerConcurrently;
import org.apache.rocketmq.common.UtilAll;
import org.apache.rocketmq.common.consumer.ConsumeFromWhere;
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
        DefaultMQPushConsumer counter = countingConsumer(stack, received);
        Map<String, Object> small = Map.of("dtx.pay.outbox.batch", 5);
        try (ConfigurableApplicationContext first = OutboxInstances.pay(stack, stack.infra.namesrvAddr(), small);
                ConfigurableApplicationContext second = OutboxInstances.pay(stack, stack.infra.namesrvAddr(), small)) {
            List<String> txNos = rowsAsIfWrittenByAPublisher(stack, accountNo, 200);

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

    /**
     * Write access to the table alone must not make a credit: a row whose message names no
     * successful payment of that account and amount is given up, never signed and sent.
     */
    @Test
    void aRowWithoutItsPaymentIsGivenUpNeverSent() {
        DtxStack stack = DtxStack.get();
        String accountNo = stack.db.newAccount("outbox-forged-");
        String realTxNo = stack.db.paymentWithoutMessage(accountNo, "1.00");
        String inflated = UUID.randomUUID().toString();
        stack.db.update(
                "bank1_pay",
                "INSERT INTO mq_notify (tx_no, message) VALUES (?, ?), (?, ?)",
                inflated,
                message(inflated, accountNo, "500.00"),
                realTxNo + "-x",
                message(realTxNo, accountNo, "1.00"));
        try (ConfigurableApplicationContext pay = OutboxInstances.pay(stack, stack.infra.namesrvAddr(), Map.of())) {
            await().atMost(Duration.ofSeconds(30))
                    .until(() -> "gave_up".equals(OutboxInstances.status(stack, inflated))
                            && "gave_up".equals(OutboxInstances.status(stack, realTxNo + "-x")));
            assertThat(OutboxInstances.sends(pay, "relay")).isZero();
            assertThat(stack.db.credits(inflated)).isZero();
            assertThat(stack.db.balance(accountNo)).isZero();
        }
    }

    private static String message(String txNo, String accountNo, String amount) {
        return "{\"txNo\":\"" + txNo + "\",\"accountNo\":\"" + accountNo + "\",\"amount\":" + amount + ",\"paidAt\":\""
                + Instant.now() + "\"}";
    }

    private static double gaveUpCounter(ConfigurableApplicationContext pay) {
        return pay.getBean(MeterRegistry.class)
                .counter("dtx.pay.outbox.gave_up")
                .count();
    }

    /** Payment rows and their message rows, due now, as the outbox publisher commits them. */
    private static List<String> rowsAsIfWrittenByAPublisher(DtxStack stack, String accountNo, int count)
            throws Exception {
        List<String> txNos = new ArrayList<>();
        try (Connection c = stack.db.connect("bank1_pay")) {
            c.setAutoCommit(false);
            for (int i = 0; i < count; i++) {
                String txNo = stack.db.paymentWithoutMessage(accountNo, "0.01");
                try (PreparedStatement insert = Db.prepare(
                        c,
                        "INSERT INTO mq_notify (tx_no, message, retry) VALUES (?, ?, 10)",
                        txNo,
                        message(txNo, accountNo, "0.01"))) {
                    insert.executeUpdate();
                }
                txNos.add(txNo);
            }
            c.commit();
        }
        return txNos;
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

    private static DefaultMQPushConsumer countingConsumer(DtxStack stack, Map<String, AtomicInteger> received)
            throws Exception {
        DefaultMQPushConsumer consumer = new DefaultMQPushConsumer("it-outbox-counter-" + UUID.randomUUID());
        consumer.setNamesrvAddr(stack.infra.namesrvAddr());
        // From a minute ago: whenever the group's first rebalance ends, nothing sent since is missed.
        consumer.setConsumeFromWhere(ConsumeFromWhere.CONSUME_FROM_TIMESTAMP);
        consumer.setConsumeTimestamp(UtilAll.timeMillisToHumanString3(System.currentTimeMillis() - 60_000));
        consumer.subscribe(Messaging.RECHARGE_TOPIC, Messaging.RECHARGE_SUCCEEDED_TAG);
        consumer.registerMessageListener((MessageListenerConcurrently) (messages, context) -> {
            messages.forEach(m -> received.computeIfAbsent(m.getKeys(), k -> new AtomicInteger())
                    .incrementAndGet());
            return ConsumeConcurrentlyStatus.CONSUME_SUCCESS;
        });
        consumer.start();
        return consumer;
    }
}
