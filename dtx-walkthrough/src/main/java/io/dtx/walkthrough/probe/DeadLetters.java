package io.dtx.walkthrough.probe;

import io.dtx.contract.Messaging;
import java.util.UUID;
import org.apache.rocketmq.client.consumer.DefaultMQPullConsumer;
import org.apache.rocketmq.client.exception.MQClientException;
import org.apache.rocketmq.common.message.MessageQueue;

/**
 * How many messages the account service's consumer group ever parked in its dead-letter topic,
 * read from the broker itself: the campaign's proof that its failing-consumer fault really
 * failed a consumer, rather than its own word for it.
 */
public final class DeadLetters {

    private DeadLetters() {}

    /** The sum of the dead-letter topic's queue offsets: every message ever put there; 0 if none yet. */
    @SuppressWarnings("deprecation") // the pull consumer is the client's plain way to read offsets
    public static long count(String namesrvAddr) {
        DefaultMQPullConsumer reader = new DefaultMQPullConsumer("dtx-walkthrough-dlq-" + UUID.randomUUID());
        reader.setNamesrvAddr(namesrvAddr);
        try {
            reader.start();
            long total = 0;
            for (MessageQueue queue : reader.fetchSubscribeMessageQueues(topic())) {
                total += reader.maxOffset(queue);
            }
            return total;
        } catch (MQClientException noSuchTopicYet) {
            return 0;
        } finally {
            reader.shutdown();
        }
    }

    static String topic() {
        return "%DLQ%" + Messaging.ACCOUNT_CONSUMER_GROUP;
    }
}
