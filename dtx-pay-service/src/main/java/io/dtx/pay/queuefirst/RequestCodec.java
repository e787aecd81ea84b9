package io.dtx.pay.queuefirst;

import io.dtx.contract.MessageSigning;
import io.dtx.contract.MessageSigning.Signature;
import io.dtx.contract.MessageSigning.Verdict;
import io.dtx.contract.Messaging;
import io.dtx.contract.RechargeRules;
import io.dtx.pay.recharge.RechargeService;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import org.apache.rocketmq.common.message.MessageExt;
import org.apache.rocketmq.spring.support.RocketMQHeaders;
import org.springframework.messaging.Message;
import org.springframework.messaging.support.MessageBuilder;
import org.springframework.stereotype.Component;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

/**
 * A recharge request as a signed message, and back. Signed with the pay service's own request keys
 * ({@link RequestSigning}), over a context that no other kind of message carries: a request on the
 * broker makes the pay service take a payment, so it pays only requests it wrote itself, never
 * whatever someone with access to the broker (or with the account side's keys) put there.
 */
@Component
class RequestCodec {

    private final JsonMapper json;
    private final RequestSigning signing;

    RequestCodec(JsonMapper json, RequestSigning signing) {
        this.json = json;
        this.signing = signing;
    }

    Message<byte[]> toMessage(RechargeRequested request) {
        byte[] body = json.writeValueAsBytes(request);
        Signature signature = signing.sign(signed(body));
        return MessageBuilder.withPayload(body)
                .setHeader(RocketMQHeaders.KEYS, request.requestId())
                .setHeader(MessageSigning.KEY_ID_PROPERTY, signature.keyId())
                .setHeader(MessageSigning.SIGNATURE_PROPERTY, signature.value())
                .build();
    }

    /**
     * The request, if the message is one this side signed, can read, and holds a request the API
     * would have accepted (checked again here: the signature proves who wrote it, not that it is
     * sane); empty otherwise.
     */
    Optional<RechargeRequested> read(MessageExt message) {
        Verdict verdict = signing.verify(
                message.getUserProperty(MessageSigning.KEY_ID_PROPERTY),
                message.getUserProperty(MessageSigning.SIGNATURE_PROPERTY),
                signed(message.getBody()));
        if (verdict != Verdict.VALID) {
            return Optional.empty();
        }
        RechargeRequested request;
        try {
            request = json.readValue(message.getBody(), RechargeRequested.class);
        } catch (JacksonException | NullPointerException e) {
            return Optional.empty();
        }
        return Optional.of(request).filter(RequestCodec::possible);
    }

    private static boolean possible(RechargeRequested r) {
        return RechargeRules.isTxNo(r.requestId())
                && RechargeRules.isAccountNo(r.accountNo())
                && RechargeRules.isAmount(r.amount())
                && (r.idempotencyKey() == null || r.idempotencyKey().matches(RechargeRules.IDEMPOTENCY_KEY_PATTERN))
                && RechargeService.hash(r.accountNo(), r.amount()).equals(r.requestHash());
    }

    /** The bytes a request's signature covers: the request context, then the body. */
    private static byte[] signed(byte[] body) {
        byte[] context = Messaging.RECHARGE_REQUEST_SIGNED_AS.getBytes(StandardCharsets.UTF_8);
        byte[] signed = new byte[context.length + body.length];
        System.arraycopy(context, 0, signed, 0, context.length);
        System.arraycopy(body, 0, signed, context.length, body.length);
        return signed;
    }
}
