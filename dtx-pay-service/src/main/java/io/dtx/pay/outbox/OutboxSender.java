package io.dtx.pay.outbox;

import io.dtx.pay.halfmessage.RechargeMessageCodec;
import java.nio.charset.StandardCharsets;
import org.apache.rocketmq.client.producer.SendResult;
import org.apache.rocketmq.client.producer.SendStatus;
import org.apache.rocketmq.spring.core.RocketMQTemplate;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.messaging.MessagingException;
import org.springframework.stereotype.Component;

/**
 * Sends one row's message, signed like every message of the pay side, and waits for the broker's
 * answer: only a stored message ({@code SEND_OK}) counts as sent.
 */
@Component
class OutboxSender {

    private final RocketMQTemplate rocketMq;
    private final RechargeMessageCodec codec;
    private final long timeoutMs;

    OutboxSender(
            RocketMQTemplate rocketMq,
            RechargeMessageCodec codec,
            @Value("${rocketmq.producer.send-message-timeout:3000}") long timeoutMs) {
        this.rocketMq = rocketMq;
        this.codec = codec;
        this.timeoutMs = timeoutMs;
    }

    /** @throws SendFailedException if the broker did not confirm that it stored the message */
    void send(OutboxRow row) {
        SendResult result;
        try {
            result = rocketMq.syncSend(
                    codec.destination(),
                    codec.toMessage(row.message().getBytes(StandardCharsets.UTF_8), row.txNo()),
                    timeoutMs);
        } catch (MessagingException e) {
            Throwable cause = e.getMostSpecificCause();
            throw new SendFailedException(cause.getClass().getSimpleName() + ": " + cause.getMessage(), e);
        }
        if (result == null || result.getSendStatus() != SendStatus.SEND_OK) {
            throw new SendFailedException(
                    "broker answered " + (result == null ? "nothing" : result.getSendStatus()), null);
        }
    }

    /** The broker did not take the message; the row stays due. */
    static class SendFailedException extends RuntimeException {
        SendFailedException(String message, Throwable cause) {
            super(message, cause);
        }
    }
}
