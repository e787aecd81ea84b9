package io.dtx.pay.queuefirst;

import io.dtx.contract.MessageSigning;
import io.dtx.contract.MessageSigning.Signature;
import io.dtx.contract.MessageSigning.Verdict;
import java.util.Optional;
import org.apache.rocketmq.common.message.MessageExt;
import org.apache.rocketmq.spring.support.RocketMQHeaders;
import org.springframework.messaging.Message;
import org.springframework.messaging.support.MessageBuilder;
import org.springframework.stereotype.Component;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

/**
 * A recharge request as a signed message, and back. Signed like every message of the pay side:
 * a request on the broker makes the pay service charge a customer, so it pays only requests it
 * wrote itself, never whatever someone with access to the broker put there.
 */
@Component
class RequestCodec {

    private final JsonMapper json;
    private final MessageSigning signing;

    RequestCodec(JsonMapper json, MessageSigning signing) {
        this.json = json;
        this.signing = signing;
    }

    Message<byte[]> toMessage(RechargeRequested request) {
        byte[] body = json.writeValueAsBytes(request);
        Signature signature = signing.sign(body);
        return MessageBuilder.withPayload(body)
                .setHeader(RocketMQHeaders.KEYS, request.requestId())
                .setHeader(MessageSigning.KEY_ID_PROPERTY, signature.keyId())
                .setHeader(MessageSigning.SIGNATURE_PROPERTY, signature.value())
                .build();
    }

    /** The request, if the message is one this side signed and can read; empty otherwise. */
    Optional<RechargeRequested> read(MessageExt message) {
        Verdict verdict = signing.verify(
                message.getUserProperty(MessageSigning.KEY_ID_PROPERTY),
                message.getUserProperty(MessageSigning.SIGNATURE_PROPERTY),
                message.getBody());
        if (verdict != Verdict.VALID) {
            return Optional.empty();
        }
        try {
            return Optional.of(json.readValue(message.getBody(), RechargeRequested.class));
        } catch (JacksonException e) {
            return Optional.empty();
        }
    }
}
