package io.dtx.pay.halfmessage;

import io.dtx.contract.MessageSigning;
import io.dtx.contract.MessageSigning.Signature;
import io.dtx.contract.RechargeSucceeded;
import org.apache.rocketmq.spring.support.RocketMQHeaders;
import org.springframework.messaging.Message;
import org.springframework.messaging.support.MessageBuilder;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * Turns {@link RechargeSucceeded} into a signed message and a body back into the record. Done
 * here, with the application's JSON mapper, rather than by the RocketMQ starter's own Jackson 2
 * converter, so the wire format (ISO-8601 instants, exact decimals) is decided in one visible
 * place; and every message the pay side publishes is signed over these exact bytes, so the account
 * side can refuse one that anybody else put on the topic.
 */
@Component
public class RechargeMessageCodec {

    private final JsonMapper json;
    private final MessageSigning signing;

    RechargeMessageCodec(JsonMapper json, MessageSigning signing) {
        this.json = json;
        this.signing = signing;
    }

    /** The message to publish: the JSON body, keyed by txNo, with its signature and key id. */
    public Message<byte[]> toMessage(RechargeSucceeded event) {
        byte[] body = json.writeValueAsBytes(event);
        Signature signature = signing.sign(body);
        return MessageBuilder.withPayload(body)
                .setHeader(RocketMQHeaders.KEYS, event.txNo())
                .setHeader(MessageSigning.KEY_ID_PROPERTY, signature.keyId())
                .setHeader(MessageSigning.SIGNATURE_PROPERTY, signature.value())
                .build();
    }

    public RechargeSucceeded decode(byte[] body) {
        return json.readValue(body, RechargeSucceeded.class);
    }
}
