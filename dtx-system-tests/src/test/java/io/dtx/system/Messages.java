package io.dtx.system;

import io.dtx.contract.MessageSigning;
import io.dtx.contract.MessageSigning.Signature;
import io.dtx.contract.Messaging;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.UUID;
import org.apache.rocketmq.client.producer.DefaultMQProducer;
import org.apache.rocketmq.common.message.Message;

/**
 * Recharge messages put on the topic by hand, bypassing the pay service: signed with the stack's
 * key, to the consumer exactly a redelivery; or as an outsider who can reach the broker could
 * send them, unsigned or signed with a key of their own.
 */
final class Messages {

    private Messages() {}

    /** Signed as the pay side signs: the consumer cannot tell it from a real delivery. */
    static Message signed(String txNo, String body) {
        return signedWith(DtxStack.MESSAGE_SIGNING, txNo, body);
    }

    static Message signedWith(MessageSigning signing, String txNo, String body) {
        Message message = unsigned(txNo, body);
        Signature signature = signing.sign(message.getBody());
        message.putUserProperty(MessageSigning.KEY_ID_PROPERTY, signature.keyId());
        message.putUserProperty(MessageSigning.SIGNATURE_PROPERTY, signature.value());
        return message;
    }

    static Message unsigned(String txNo, String body) {
        return new Message(
                Messaging.RECHARGE_TOPIC,
                Messaging.RECHARGE_SUCCEEDED_TAG,
                txNo,
                body.getBytes(StandardCharsets.UTF_8));
    }

    /** Sends each message, in order, from a producer group of its own. */
    static void send(String namesrvAddr, List<Message> messages) throws Exception {
        DefaultMQProducer producer = new DefaultMQProducer("it-sender-" + UUID.randomUUID());
        producer.setNamesrvAddr(namesrvAddr);
        producer.start();
        try {
            for (Message message : messages) {
                producer.send(message);
            }
        } finally {
            producer.shutdown();
        }
    }
}
