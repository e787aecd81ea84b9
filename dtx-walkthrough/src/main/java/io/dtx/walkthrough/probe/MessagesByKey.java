package io.dtx.walkthrough.probe;

import java.util.UUID;
import org.apache.rocketmq.client.consumer.DefaultMQPullConsumer;
import org.apache.rocketmq.client.exception.MQClientException;
import org.apache.rocketmq.remoting.protocol.ResponseCode;

/**
 * Which messages the broker holds for a key (a txNo), read from the broker's own index through
 * the client's admin interface: a witness the relay and the services did not write.
 */
public final class MessagesByKey implements AutoCloseable {

    private final DefaultMQPullConsumer admin;

    public MessagesByKey(String namesrvAddr) {
        // A reader that never pulls: only its query by key is used.
        admin = new DefaultMQPullConsumer("dtx-witness-" + UUID.randomUUID());
        admin.setNamesrvAddr(namesrvAddr);
        admin.setInstanceName("dtx-witness-" + UUID.randomUUID());
        try {
            admin.start();
        } catch (MQClientException e) {
            throw new IllegalStateException("Could not reach the broker at " + namesrvAddr, e);
        }
    }

    /** How many messages with this key the topic holds. */
    public int count(String topic, String key) {
        try {
            return admin.queryMessage(topic, key, 32, 0, Long.MAX_VALUE)
                    .getMessageList()
                    .size();
        } catch (MQClientException e) {
            if (e.getResponseCode() == ResponseCode.NO_MESSAGE) {
                return 0; // the client's way of saying the index holds nothing for the key
            }
            throw new IllegalStateException("Could not ask the broker for " + key + " on " + topic, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void close() {
        admin.shutdown();
    }
}
