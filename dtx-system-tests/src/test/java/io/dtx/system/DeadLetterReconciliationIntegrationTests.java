package io.dtx.system;

import static io.dtx.system.Http.rechargeJson;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.dtx.contract.Messaging;
import java.sql.Connection;
import java.time.Duration;
import java.util.Queue;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedQueue;
import org.apache.rocketmq.client.consumer.DefaultMQPushConsumer;
import org.apache.rocketmq.client.consumer.listener.ConsumeConcurrentlyStatus;
import org.apache.rocketmq.client.consumer.listener.MessageListenerConcurrently;
import org.apache.rocketmq.common.MixAll;
import org.apache.rocketmq.common.consumer.ConsumeFromWhere;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The consumer keeps failing (its account row is locked, so every credit times out), the broker
 * gives up and parks the message in the dead-letter topic, and reconciliation credits it anyway.
 */
class DeadLetterReconciliationIntegrationTests {

    private static DtxStack stack;

    @BeforeAll
    static void startStack() {
        stack = DtxStack.get();
    }

    @Test
    void messageThatKeepsFailingEndsInTheDlqAndIsStillCreditedOnceByReconciliation() throws Exception {
        String accountNo = stack.db.newAccount("dlq-");
        Queue<String> deadLetters = new ConcurrentLinkedQueue<>();
        DefaultMQPushConsumer dlqReader = new DefaultMQPushConsumer("it-dlq-reader-" + UUID.randomUUID());
        dlqReader.setNamesrvAddr(stack.infra.namesrvAddr());
        dlqReader.setConsumeFromWhere(ConsumeFromWhere.CONSUME_FROM_FIRST_OFFSET);
        dlqReader.setHeartbeatBrokerInterval(1000);
        dlqReader.setPollNameServerInterval(1000);
        dlqReader.subscribe(MixAll.getDLQTopic(Messaging.ACCOUNT_CONSUMER_GROUP), "*");
        dlqReader.registerMessageListener((MessageListenerConcurrently) (messages, context) -> {
            messages.forEach(m -> deadLetters.add(m.getKeys()));
            return ConsumeConcurrentlyStatus.CONSUME_SUCCESS;
        });
        dlqReader.start();
        String txNo;
        try (Connection locker = stack.db.connect("bank1")) {
            locker.setAutoCommit(false);
            Db.prepare(locker, "SELECT * FROM account_info WHERE account_no = ? FOR UPDATE", accountNo)
                    .executeQuery();

            Http.Response created = stack.payHttp.post("/pay/recharges", rechargeJson(accountNo, "77.00"));
            assertThat(created.status()).isEqualTo(201);
            txNo = created.json().get("txNo").asString();

            await().atMost(Duration.ofSeconds(90)).until(() -> deadLetters.contains(txNo));
            assertThat(stack.db.credits(txNo)).isZero();
            locker.rollback();
        } finally {
            dlqReader.shutdown();
        }

        Http.Response run = stack.accountHttp.post("/accounts/reconciliation/runs", "");

        assertThat(run.status()).isEqualTo(200);
        assertThat(run.json().get("ran").asBoolean()).isTrue();
        assertThat(run.json().get("applied").asInt()).isGreaterThanOrEqualTo(1);
        assertThat(stack.db.credits(txNo)).isEqualTo(1);
        assertThat(stack.db.appliedBy(txNo)).isEqualTo("RECONCILIATION");
        assertThat(stack.db.balance(accountNo)).isEqualByComparingTo("77.00");
    }
}
