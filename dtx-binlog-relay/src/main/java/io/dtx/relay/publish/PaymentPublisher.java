package io.dtx.relay.publish;

import io.dtx.contract.MessageSigning;
import io.dtx.contract.MessageSigning.Signature;
import io.dtx.contract.Messaging;
import io.dtx.relay.binlog.PaymentRow;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;
import java.time.Instant;
import org.apache.rocketmq.client.producer.SendResult;
import org.apache.rocketmq.client.producer.SendStatus;
import org.apache.rocketmq.spring.core.RocketMQTemplate;
import org.apache.rocketmq.spring.support.RocketMQHeaders;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.messaging.Message;
import org.springframework.messaging.support.MessageBuilder;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * Sends one payment as the same signed {@code RechargeSucceeded} every other publisher sends,
 * keyed by txNo, to the recharge topic of one environment, and returns only once the broker has
 * stored it ({@code SEND_OK}). Anything else is a failure: the relay reads the transaction again
 * later, and the account side's dedup absorbs a message that was stored after all.
 */
@Component
public class PaymentPublisher {

    private final RocketMQTemplate rocketMq;
    private final JsonMapper json;
    private final MessageSigning signing;
    private final long timeoutMs;
    private final MeterRegistry meters;

    PaymentPublisher(
            RocketMQTemplate rocketMq,
            JsonMapper json,
            MessageSigning signing,
            @Value("${dtx.relay.publish-timeout:PT3S}") Duration timeout,
            MeterRegistry meters) {
        this.rocketMq = rocketMq;
        this.json = json;
        this.signing = signing;
        this.timeoutMs = timeout.toMillis();
        this.meters = meters;
    }

    /**
     * @param environment the environment whose topic gets it; blank for the plain topic
     * @throws PublishFailedException if the broker did not acknowledge it
     */
    public void publish(PaymentRow payment, String environment) {
        byte[] body = json.writeValueAsBytes(payment.announcement());
        Signature signature = signing.sign(body);
        Message<byte[]> message = MessageBuilder.withPayload(body)
                .setHeader(RocketMQHeaders.KEYS, payment.txNo())
                .setHeader(MessageSigning.KEY_ID_PROPERTY, signature.keyId())
                .setHeader(MessageSigning.SIGNATURE_PROPERTY, signature.value())
                .build();
        String topic = Messaging.inEnvironment(Messaging.RECHARGE_TOPIC, environment);
        SendResult result;
        try {
            result = rocketMq.syncSend(topic + ":" + Messaging.RECHARGE_SUCCEEDED_TAG, message, timeoutMs);
        } catch (RuntimeException e) {
            throw new PublishFailedException("Broker did not take " + payment.txNo() + ": " + e.getMessage(), e);
        }
        if (result == null || result.getSendStatus() != SendStatus.SEND_OK) {
            throw new PublishFailedException(
                    "Broker answered " + (result == null ? "nothing" : result.getSendStatus()) + " for "
                            + payment.txNo(),
                    null);
        }
        Timer.builder("dtx.relay.lag")
                .description("From the payment's commit (its created_at) to the broker's acknowledgement")
                .tag("environment", environment == null || environment.isBlank() ? "-" : environment)
                .publishPercentiles(0.5, 0.99)
                .register(meters)
                .record(Duration.between(payment.paidAt(), Instant.now()));
    }
}
