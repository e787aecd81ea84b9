package io.dtx.pay.halfmessage;

import io.dtx.contract.MessageSigning;
import io.dtx.contract.MessageSigning.Signature;
import io.dtx.contract.MessageSigning.Verdict;
import io.dtx.contract.Messaging;
import io.dtx.contract.RechargeRules;
import io.dtx.contract.RechargeSucceeded;
import io.dtx.pay.checkback.HalfMessageClaim;
import java.util.Optional;
import org.apache.rocketmq.spring.support.RocketMQHeaders;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.messaging.Message;
import org.springframework.messaging.support.MessageBuilder;
import org.springframework.stereotype.Component;
import tools.jackson.core.JacksonException;
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
    private final String destination;

    /**
     * @param topic {@code dtx-recharge}, or {@code dtx-recharge-<env>} with {@code DTX_ENV}
     *              ({@code io.dtx.web.EnvironmentNames}), as the account side listens
     */
    RechargeMessageCodec(
            JsonMapper json,
            MessageSigning signing,
            @Value("${dtx.messaging.recharge-topic:" + Messaging.RECHARGE_TOPIC + "}") String topic) {
        this.json = json;
        this.signing = signing;
        this.destination = topic + ":" + Messaging.RECHARGE_SUCCEEDED_TAG;
    }

    /** Where every publisher of this service sends a payment: the recharge topic of its environment. */
    public String destination() {
        return destination;
    }

    /** The message to publish: the JSON body, keyed by txNo, with its signature and key id. */
    public Message<byte[]> toMessage(RechargeSucceeded event) {
        return toMessage(encode(event), event.txNo());
    }

    /**
     * A body encoded earlier (the local message table stores it), signed now with the current key:
     * a row written before a key rotation goes out under the new key.
     */
    public Message<byte[]> toMessage(byte[] body, String txNo) {
        Signature signature = signing.sign(body);
        return MessageBuilder.withPayload(body)
                .setHeader(RocketMQHeaders.KEYS, txNo)
                .setHeader(MessageSigning.KEY_ID_PROPERTY, signature.keyId())
                .setHeader(MessageSigning.SIGNATURE_PROPERTY, signature.value())
                .build();
    }

    public byte[] encode(RechargeSucceeded event) {
        return json.writeValueAsBytes(event);
    }

    public RechargeSucceeded decode(byte[] body) {
        return json.readValue(body, RechargeSucceeded.class);
    }

    /**
     * What a half message the broker asks about claims, and whether this side signed it; empty
     * if its body is not a possible payment at all. Anyone who can send to the producer group
     * can make the broker ask, so the check-back writes only for a message of our own.
     */
    public Optional<HalfMessageClaim> readClaim(Message<?> message) {
        if (!(message.getPayload() instanceof byte[] body)) {
            return Optional.empty();
        }
        RechargeSucceeded event;
        try {
            event = decode(body);
        } catch (JacksonException | NullPointerException e) {
            return Optional.empty();
        }
        boolean possible = RechargeRules.isTxNo(event.txNo())
                && RechargeRules.isAccountNo(event.accountNo())
                && RechargeRules.isAmount(event.amount());
        if (!possible) {
            return Optional.empty();
        }
        Verdict verdict = signing.verify(
                header(message, MessageSigning.KEY_ID_PROPERTY),
                header(message, MessageSigning.SIGNATURE_PROPERTY),
                body);
        return Optional.of(new HalfMessageClaim(event, verdict == Verdict.VALID));
    }

    private static String header(Message<?> message, String name) {
        Object value = message.getHeaders().get(name);
        return value == null ? null : value.toString();
    }
}
