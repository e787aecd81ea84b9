package io.dtx.testsupport;

import static io.dtx.testsupport.RocketMqClients.unique;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import org.apache.rocketmq.client.consumer.DefaultMQPushConsumer;
import org.apache.rocketmq.client.consumer.listener.ConsumeConcurrentlyStatus;
import org.apache.rocketmq.client.consumer.listener.MessageListenerConcurrently;
import org.apache.rocketmq.client.producer.LocalTransactionState;
import org.apache.rocketmq.client.producer.SendStatus;
import org.apache.rocketmq.client.producer.TransactionListener;
import org.apache.rocketmq.client.producer.TransactionMQProducer;
import org.apache.rocketmq.client.producer.TransactionSendResult;
import org.apache.rocketmq.common.message.Message;
import org.apache.rocketmq.common.message.MessageExt;
import org.junit.jupiter.api.Test;

/**
 * The broker behaviours the whole design rests on, shown on a real broker: a half message whose
 * producer cannot say is settled by check-back, and a rolled-back one never reaches a consumer.
 */
@WithInfrastructure
class TransactionalMessageIntegrationTests {

    /** Longer than several check-back rounds (interval 1 s, timeout 1 s): a repeat would show. */
    private static final Duration QUIET_PERIOD = Duration.ofSeconds(4);

    @Test
    void unknownLocalTransactionIsSettledAsCommitByCheckBackAndDeliveredOnce(Infrastructure infra) throws Exception {
        String topic = unique("it-commit");
        infra.declare(List.of(topic), List.of());
        AtomicInteger checks = new AtomicInteger();
        Queue<String> received = new ConcurrentLinkedQueue<>();

        DefaultMQPushConsumer consumer = collectingConsumer(infra, topic, received);
        TransactionMQProducer producer = producer(infra, LocalTransactionState.UNKNOW, () -> {
            checks.incrementAndGet();
            return LocalTransactionState.COMMIT_MESSAGE;
        });
        try {
            TransactionSendResult result = producer.sendMessageInTransaction(message(topic, "tx-commit"), null);

            assertThat(result.getSendStatus()).isEqualTo(SendStatus.SEND_OK);
            assertThat(result.getLocalTransactionState()).isEqualTo(LocalTransactionState.UNKNOW);
            await().atMost(Duration.ofSeconds(30)).until(() -> received.size() == 1);
            await().during(QUIET_PERIOD).atMost(QUIET_PERIOD.plusSeconds(2)).until(() -> received.size() == 1);
            assertThat(received).containsExactly("tx-commit");
            assertThat(checks.get()).as("check-back calls").isGreaterThanOrEqualTo(1);
        } finally {
            producer.shutdown();
            consumer.shutdown();
        }
    }

    @Test
    void halfMessageRolledBackByCheckBackIsNeverDelivered(Infrastructure infra) throws Exception {
        String topic = unique("it-rollback");
        infra.declare(List.of(topic), List.of());
        AtomicInteger checks = new AtomicInteger();
        Queue<String> received = new ConcurrentLinkedQueue<>();

        DefaultMQPushConsumer consumer = collectingConsumer(infra, topic, received);
        TransactionMQProducer producer = producer(infra, LocalTransactionState.UNKNOW, () -> {
            checks.incrementAndGet();
            return LocalTransactionState.ROLLBACK_MESSAGE;
        });
        try {
            producer.sendMessageInTransaction(message(topic, "tx-rollback"), null);
            // A control message proves the consumer is live, so "nothing received" means something.
            producer.send(message(topic, "control"));

            await().atMost(Duration.ofSeconds(30)).until(() -> checks.get() >= 1 && received.contains("control"));
            await().during(QUIET_PERIOD)
                    .atMost(QUIET_PERIOD.plusSeconds(2))
                    .until(() -> !received.contains("tx-rollback"));
            assertThat(received).containsExactly("control");
        } finally {
            producer.shutdown();
            consumer.shutdown();
        }
    }

    private static DefaultMQPushConsumer collectingConsumer(Infrastructure infra, String topic, Queue<String> received)
            throws Exception {
        DefaultMQPushConsumer consumer = RocketMqClients.consumer(infra, unique("it-consumer"), topic);
        consumer.registerMessageListener((MessageListenerConcurrently) (messages, context) -> {
            messages.forEach(m -> received.add(m.getKeys()));
            return ConsumeConcurrentlyStatus.CONSUME_SUCCESS;
        });
        consumer.start();
        return consumer;
    }

    private static TransactionMQProducer producer(
            Infrastructure infra, LocalTransactionState localAnswer, Supplier<LocalTransactionState> checkAnswer)
            throws Exception {
        TransactionMQProducer producer = RocketMqClients.transactionProducer(infra, unique("it-producer"));
        producer.setTransactionListener(new TransactionListener() {
            @Override
            public LocalTransactionState executeLocalTransaction(Message msg, Object arg) {
                return localAnswer;
            }

            @Override
            public LocalTransactionState checkLocalTransaction(MessageExt msg) {
                return checkAnswer.get();
            }
        });
        producer.start();
        return producer;
    }

    private static Message message(String topic, String key) {
        Message message = new Message(topic, "test", key, ("body of " + key).getBytes(StandardCharsets.UTF_8));
        return message;
    }
}
