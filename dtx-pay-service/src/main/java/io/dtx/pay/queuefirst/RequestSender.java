package io.dtx.pay.queuefirst;

import io.dtx.contract.Messaging;
import org.apache.rocketmq.client.producer.SendResult;
import org.apache.rocketmq.client.producer.SendStatus;
import org.apache.rocketmq.spring.core.RocketMQTemplate;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.messaging.MessagingException;
import org.springframework.stereotype.Component;

/** Writes a recharge request to the broker and waits until the broker says it stored it. */
@Component
class RequestSender {

    private final RocketMQTemplate rocketMq;
    private final RequestCodec codec;
    private final long timeoutMs;

    RequestSender(
            RocketMQTemplate rocketMq,
            RequestCodec codec,
            @Value("${rocketmq.producer.send-message-timeout:3000}") long timeoutMs) {
        this.rocketMq = rocketMq;
        this.codec = codec;
        this.timeoutMs = timeoutMs;
    }

    /**
     * The broker's answer (SEND_OK: stored as configured; anything else: held, but not yet flushed
     * or replicated).
     *
     * @throws RequestNotAcceptedException if no answer came (the request may or may not be stored)
     */
    SendStatus send(RechargeRequested request) {
        try {
            SendResult result =
                    rocketMq.syncSend(Messaging.RECHARGE_REQUEST_DESTINATION, codec.toMessage(request), timeoutMs);
            if (result == null) {
                throw new RequestNotAcceptedException(request.requestId(), true, null);
            }
            return result.getSendStatus();
        } catch (MessagingException e) {
            throw new RequestNotAcceptedException(request.requestId(), true, e);
        }
    }
}
