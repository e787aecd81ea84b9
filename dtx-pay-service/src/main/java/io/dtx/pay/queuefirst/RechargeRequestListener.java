package io.dtx.pay.queuefirst;

import io.dtx.contract.Messaging;
import io.micrometer.core.instrument.MeterRegistry;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import org.apache.rocketmq.client.consumer.DefaultMQPushConsumer;
import org.apache.rocketmq.common.message.MessageExt;
import org.apache.rocketmq.spring.annotation.RocketMQMessageListener;
import org.apache.rocketmq.spring.core.RocketMQListener;
import org.apache.rocketmq.spring.core.RocketMQPushConsumerLifecycleListener;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.stereotype.Component;

/**
 * Consumes recharge requests and pays each once ({@link RequestPayment}). A request this side did
 * not sign, or cannot read, is refused: logged with its body for a person, counted, acknowledged
 * (no retry could make it trustworthy), and nothing is paid. Anything else that fails (the
 * database is down) throws, and the broker delivers the request again later.
 */
@Component
@ConditionalOnProperty(name = "dtx.pay.requests.enabled", havingValue = "true", matchIfMissing = true)
@RocketMQMessageListener(
        topic = Messaging.RECHARGE_REQUEST_TOPIC,
        consumerGroup = "${dtx.pay.requests.consumer-group:" + Messaging.PAY_REQUEST_CONSUMER_GROUP + "}")
class RechargeRequestListener implements RocketMQListener<MessageExt>, RocketMQPushConsumerLifecycleListener {

    private static final Logger log = LoggerFactory.getLogger(RechargeRequestListener.class);
    private static final int LOGGED_BODY_CHARS = 1000;

    private final RequestCodec codec;
    private final RequestPayment payment;
    private final MeterRegistry metrics;
    private final long clientIntervalMillis;

    RechargeRequestListener(
            RequestCodec codec,
            RequestPayment payment,
            MeterRegistry metrics,
            @Value("${dtx.pay.requests.rocketmq-client-interval-ms:30000}") long clientIntervalMillis) {
        this.codec = codec;
        this.payment = payment;
        this.metrics = metrics;
        this.clientIntervalMillis = clientIntervalMillis;
    }

    @Override
    public void onMessage(MessageExt message) {
        MDC.put("txNo", "request " + message.getKeys());
        try {
            Optional<RechargeRequested> request = codec.read(message);
            if (request.isEmpty()) {
                metrics.counter("dtx.pay.requests.refused").increment();
                String body = new String(message.getBody(), StandardCharsets.UTF_8);
                log.error(
                        "Recharge request refused, nothing paid: not signed by this side or unreadable (msgId={},"
                                + " body={})",
                        message.getMsgId(),
                        body.substring(0, Math.min(body.length(), LOGGED_BODY_CHARS)));
                return;
            }
            payment.pay(request.get());
        } finally {
            MDC.remove("txNo");
        }
    }

    /** Heartbeat and route refresh: the client default (30 s) delays a fresh consumer; local runs use 1 s. */
    @Override
    public void prepareStart(DefaultMQPushConsumer consumer) {
        consumer.setHeartbeatBrokerInterval((int) clientIntervalMillis);
        consumer.setPollNameServerInterval((int) clientIntervalMillis);
    }
}
