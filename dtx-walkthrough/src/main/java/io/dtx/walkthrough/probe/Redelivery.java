package io.dtx.walkthrough.probe;

import io.dtx.contract.MessageSigning;
import io.dtx.contract.MessageSigning.Signature;
import io.dtx.contract.Messaging;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.UUID;
import org.apache.rocketmq.client.producer.DefaultMQProducer;
import org.apache.rocketmq.common.message.Message;

/**
 * Puts recharge messages on the topic by hand, bypassing the pay service: signed with the run's
 * key, to the consumer this looks exactly like the broker delivering a message again, which
 * at-least-once delivery may do.
 */
public final class Redelivery {

    /** One message to send again: its body, keyed by the payment's txNo as the pay service keys it. */
    public record Copy(String txNo, String body) {}

    private Redelivery() {}

    private static Message signed(MessageSigning signing, Copy copy) {
        byte[] body = copy.body().getBytes(StandardCharsets.UTF_8);
        Message message = new Message(Messaging.RECHARGE_TOPIC, Messaging.RECHARGE_SUCCEEDED_TAG, copy.txNo(), body);
        if (signing != null) {
            Signature signature = signing.sign(body);
            message.putUserProperty(MessageSigning.KEY_ID_PROPERTY, signature.keyId());
            message.putUserProperty(MessageSigning.SIGNATURE_PROPERTY, signature.value());
        }
        return message;
    }

    /**
     * Sends every copy, in order, signed with {@code signing} (the run's key, for a redelivery),
     * or unsigned if it is null (an outsider's forgery); returns how many were sent.
     */
    public static int send(String namesrvAddr, MessageSigning signing, List<Copy> copies) {
        DefaultMQProducer producer = new DefaultMQProducer("dtx-walkthrough-" + UUID.randomUUID());
        producer.setNamesrvAddr(namesrvAddr);
        try {
            producer.start();
            for (Copy copy : copies) {
                producer.send(signed(signing, copy));
            }
            return copies.size();
        } catch (Exception e) {
            throw new IllegalStateException("Could not send the messages again: " + e.getMessage(), e);
        } finally {
            producer.shutdown();
        }
    }
}
