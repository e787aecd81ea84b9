package io.dtx.walkthrough.probe;

import io.dtx.contract.Messaging;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import org.apache.rocketmq.client.consumer.DefaultMQPullConsumer;
import org.apache.rocketmq.client.exception.MQClientException;
import org.apache.rocketmq.common.message.MessageQueue;

/**
 * What the account service's consumer group has parked in its dead-letter topic, read from the
 * brokers themselves: the campaign's proof that its failing-consumer fault really failed a
 * consumer, rather than its own word for it.
 */
public final class DeadLetters {

    private DeadLetters() {}

    /**
     * Each readable dead-letter queue's offset: how many messages were ever put there. A queue
     * that cannot be read (its broker is down) is absent, never counted as empty.
     */
    @SuppressWarnings("deprecation") // the pull consumer is the client's plain way to read offsets
    public static Map<String, Long> perQueue(String namesrvAddr) {
        DefaultMQPullConsumer reader = new DefaultMQPullConsumer("dtx-walkthrough-dlq-" + UUID.randomUUID());
        reader.setNamesrvAddr(namesrvAddr);
        Map<String, Long> offsets = new HashMap<>();
        try {
            reader.start();
            for (MessageQueue queue : reader.fetchSubscribeMessageQueues(topic())) {
                try {
                    offsets.put(queue.getBrokerName() + "/" + queue.getQueueId(), reader.maxOffset(queue));
                } catch (MQClientException unreadable) {
                    // that broker is down: this queue says nothing either way
                }
            }
        } catch (MQClientException noRouteYet) {
            // no dead-letter queue is known yet: nothing readable
        } finally {
            reader.shutdown();
        }
        return offsets;
    }

    /** True if a queue readable both times holds more now, or a new queue holds any. */
    public static boolean grew(Map<String, Long> before, Map<String, Long> after) {
        return after.entrySet().stream().anyMatch(queue -> queue.getValue() > before.getOrDefault(queue.getKey(), 0L));
    }

    static String topic() {
        return "%DLQ%" + Messaging.ACCOUNT_CONSUMER_GROUP;
    }
}
