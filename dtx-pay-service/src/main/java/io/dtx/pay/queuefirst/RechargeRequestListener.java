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
 * database is down) throws, and the broker delivers the request again later; at the last delivery
 * before the dead-letter topic the request is decided as rejected instead, with an alarm, so its
 * client learns it will not be paid rather than waiting for ever.
 */
@Component
@ConditionalOnProperty(name = "dtx.pay.requests.enabled", havingValue = "true")
@RocketMQMessageListener(
        topic = Messaging.RECHARGE_REQUEST_TOPIC,
        consumerGroup = Messaging.PAY_REQUEST_CONSUMER_GROUP,
        // Fewer than the database pool's 20 connections: a backlog drained after an outage must
        // leave connections for the payments taken over HTTP meanwhile.
        consumeThreadNumber = 8,
        consumeThreadMax = 8)
class RechargeRequestListener implements RocketMQListener<MessageExt>, RocketMQPushConsumerLifecycleListener {

    private static final Logger log = LoggerFactory.getLogger(RechargeRequestListener.class);
    private static final int LOGGED_BODY_CHARS = 1000;

    private final RequestCodec codec;
    private final RequestPayment payment;
    private final MeterRegistry metrics;
    private final long clientIntervalMillis;
    private final int maxReconsumeTimes;

    RechargeRequestListener(
            RequestCodec codec,
            RequestPayment payment,
            MeterRegistry metrics,
            @Value("${dtx.pay.requests.rocketmq-client-interval-ms:30000}") long clientIntervalMillis,
            @Value("${dtx.pay.requests.max-reconsume-times:16}") int maxReconsumeTimes) {
        this.codec = codec;
        this.payment = payment;
        this.metrics = metrics;
        this.clientIntervalMillis = clientIntervalMillis;
        this.maxReconsumeTimes = maxReconsumeTimes;
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
            try {
                payment.pay(request.get());
            } catch (RuntimeException e) {
                if (message.getReconsumeTimes() < maxReconsumeTimes) {
                    throw e; // delivered again later
                }
                metrics.counter("dtx.pay.requests.given_up").increment();
                log.error(
                        "ALARM: recharge request {} failed at its last delivery; decided as rejected, not paid",
                        message.getKeys(),
                        e);
                payment.giveUp(request.get(), "not processed after " + (maxReconsumeTimes + 1) + " deliveries");
            }
        } finally {
            MDC.remove("txNo");
        }
    }

    /** Heartbeat and route refresh: the client default (30 s) delays a fresh consumer; local runs use 1 s. */
    @Override
    public void prepareStart(DefaultMQPushConsumer consumer) {
        consumer.setHeartbeatBrokerInterval((int) clientIntervalMillis);
        consumer.setPollNameServerInterval((int) clientIntervalMillis);
        consumer.setMaxReconsumeTimes(maxReconsumeTimes);
    }
}
