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
     * Any answer from the broker means it holds the request (a status other than SEND_OK says
     * only that flushing or replication is late); no answer is a refusal as far as the client is
     * told, with the request id to look it up, since a request whose reply was lost may still be
     * paid (once).
     *
     * @throws RequestNotAcceptedException if the broker did not confirm it stored the request
     */
    SendStatus send(RechargeRequested request) {
        try {
            SendResult result =
                    rocketMq.syncSend(Messaging.RECHARGE_REQUEST_DESTINATION, codec.toMessage(request), timeoutMs);
            if (result == null) {
                throw new RequestNotAcceptedException(request.requestId(), null);
            }
            return result.getSendStatus();
        } catch (MessagingException e) {
            throw new RequestNotAcceptedException(request.requestId(), e);
        }
    }
}
