package io.dtx.walkthrough.probe;

import io.dtx.contract.Messaging;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.UUID;
import org.apache.rocketmq.client.producer.DefaultMQProducer;
import org.apache.rocketmq.common.message.Message;

/**
 * Puts recharge messages on the topic by hand, bypassing the pay service: to the consumer this
 * looks exactly like the broker delivering a message again, which at-least-once delivery may do.
 */
public final class Redelivery {

    /** One message to send again: its body, keyed by the payment's txNo as the pay service keys it. */
    public record Copy(String txNo, String body) {}

    private Redelivery() {}

    /** Sends every copy, in order; returns how many were sent. */
    public static int send(String namesrvAddr, List<Copy> copies) {
        DefaultMQProducer producer = new DefaultMQProducer("dtx-walkthrough-" + UUID.randomUUID());
        producer.setNamesrvAddr(namesrvAddr);
        try {
            producer.start();
            for (Copy copy : copies) {
                producer.send(new Message(
                        Messaging.RECHARGE_TOPIC,
                        Messaging.RECHARGE_SUCCEEDED_TAG,
                        copy.txNo(),
                        copy.body().getBytes(StandardCharsets.UTF_8)));
            }
            return copies.size();
        } catch (Exception e) {
            throw new IllegalStateException("Could not send the messages again: " + e.getMessage(), e);
        } finally {
            producer.shutdown();
        }
    }
}
