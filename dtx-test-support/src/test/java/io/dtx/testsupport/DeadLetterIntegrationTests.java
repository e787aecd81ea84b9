package io.dtx.testsupport;

import static io.dtx.testsupport.RocketMqClients.unique;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import org.apache.rocketmq.client.consumer.DefaultMQPushConsumer;
import org.apache.rocketmq.client.consumer.listener.ConsumeConcurrentlyStatus;
import org.apache.rocketmq.client.consumer.listener.MessageListenerConcurrently;
import org.apache.rocketmq.client.producer.DefaultMQProducer;
import org.apache.rocketmq.common.MixAll;
import org.apache.rocketmq.common.message.Message;
import org.junit.jupiter.api.Test;

/** A consumer that keeps failing: the broker redelivers, then parks the message in the group's DLQ. */
@WithInfrastructure
class DeadLetterIntegrationTests {

    private static final int MAX_RECONSUME_TIMES = 2;

    @Test
    void failingConsumerIsRedeliveredThenMessageLandsInDeadLetterTopic(Infrastructure infra) throws Exception {
        String topic = unique("it-dlq");
        String group = unique("it-failing");
        infra.declare(List.of(topic), List.of(group));
        Queue<Integer> deliveries = new ConcurrentLinkedQueue<>();
        Queue<String> deadLetters = new ConcurrentLinkedQueue<>();

        DefaultMQPushConsumer failing = RocketMqClients.consumer(infra, group, topic);
        failing.setMaxReconsumeTimes(MAX_RECONSUME_TIMES);
        failing.registerMessageListener((MessageListenerConcurrently) (messages, context) -> {
            messages.forEach(m -> deliveries.add(m.getReconsumeTimes()));
            throw new IllegalStateException("simulated failure: the database is down");
        });
        failing.start();
        DefaultMQPushConsumer dlqReader =
                RocketMqClients.consumer(infra, unique("it-dlq-reader"), MixAll.getDLQTopic(group));
        dlqReader.registerMessageListener((MessageListenerConcurrently) (messages, context) -> {
            messages.forEach(m -> deadLetters.add(m.getKeys()));
            return ConsumeConcurrentlyStatus.CONSUME_SUCCESS;
        });
        dlqReader.start();
        DefaultMQProducer producer = new DefaultMQProducer(unique("it-plain-producer"));
        producer.setNamesrvAddr(infra.namesrvAddr());
        producer.setInstanceName(unique("it-plain-producer"));
        producer.start();
        try {
            producer.send(new Message(topic, "test", "poison-1", "x".getBytes(StandardCharsets.UTF_8)));

            await().atMost(Duration.ofSeconds(60)).until(() -> deadLetters.contains("poison-1"));
            // First delivery plus MAX_RECONSUME_TIMES redeliveries, each counted by the broker.
            assertThat(deliveries).containsExactly(0, 1, 2);
            assertThat(deadLetters).containsExactly("poison-1");
        } finally {
            producer.shutdown();
            failing.shutdown();
            dlqReader.shutdown();
        }
    }
}
