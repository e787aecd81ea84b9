package io.dtx.notifier.intake;

import io.dtx.contract.MessageSigning;
import io.dtx.contract.Messaging;
import io.dtx.contract.RechargeCallback;
import io.dtx.contract.RechargeRules;
import io.dtx.contract.RechargeSucceeded;
import io.dtx.notifier.notification.Notifications;
import io.dtx.notifier.subscription.Subscriptions;
import io.micrometer.core.instrument.MeterRegistry;
import java.nio.charset.StandardCharsets;
import org.apache.rocketmq.client.consumer.DefaultMQPushConsumer;
import org.apache.rocketmq.common.message.MessageExt;
import org.apache.rocketmq.spring.annotation.RocketMQMessageListener;
import org.apache.rocketmq.spring.core.RocketMQListener;
import org.apache.rocketmq.spring.core.RocketMQPushConsumerLifecycleListener;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import tools.jackson.core.JacksonException;
import tools.jackson.core.StreamReadFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * Turns each payment result into notifications, one per subscription, in one transaction; only
 * then is the message acknowledged. A database that is down makes this throw, and the broker
 * delivers the message again later: nothing is lost before it is written here.
 *
 * <p>The notifier holds no message key, on purpose: the keys are symmetric, so whoever can check a
 * signature can also make one, and a notifier broken into could then invent payments. It passes
 * the pay side's bytes and signature on untouched, and the receiver checks them. What it refuses
 * itself (logged, counted, never passed on) is what no receiver could take: a message without a
 * signature, or one that is not a readable payment.
 */
@Component
@RocketMQMessageListener(
        // dtx-recharge, or dtx-recharge-<env> with DTX_ENV (io.dtx.web.EnvironmentNames); the group likewise.
        topic = "${dtx.messaging.recharge-topic}",
        selectorExpression = Messaging.RECHARGE_SUCCEEDED_TAG,
        consumerGroup = "${dtx.messaging.notifier-consumer-group}")
class PaymentResultListener implements RocketMQListener<MessageExt>, RocketMQPushConsumerLifecycleListener {

    private static final Logger log = LoggerFactory.getLogger(PaymentResultListener.class);

    private final Notifications notifications;
    private final Subscriptions subscriptions;
    private final MeterRegistry metrics;
    private final JsonMapper json;
    private final long clientIntervalMillis;

    PaymentResultListener(
            Notifications notifications,
            Subscriptions subscriptions,
            MeterRegistry metrics,
            JsonMapper json,
            @Value("${dtx.notifier.rocketmq-client-interval-ms:30000}") long clientIntervalMillis) {
        this.notifications = notifications;
        this.subscriptions = subscriptions;
        this.metrics = metrics;
        this.json = json.rebuild()
                .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
                .build();
        this.clientIntervalMillis = clientIntervalMillis;
    }

    @Override
    public void onMessage(MessageExt message) {
        String keyId = message.getUserProperty(MessageSigning.KEY_ID_PROPERTY);
        String signature = message.getUserProperty(MessageSigning.SIGNATURE_PROPERTY);
        if (keyId == null || keyId.isBlank() || signature == null || signature.isBlank()) {
            refuse(message, "unsigned");
            return;
        }
        RechargeSucceeded payment;
        try {
            payment = json.readValue(message.getBody(), RechargeSucceeded.class);
        } catch (JacksonException | NullPointerException e) {
            refuse(message, "unreadable body");
            return;
        }
        if (!RechargeRules.isTxNo(payment.txNo()) || !RechargeRules.isAccountNo(payment.accountNo())) {
            refuse(message, "txNo or accountNo malformed");
            return;
        }
        // The pay side's exact bytes and signature travel on: the receiver checks them itself.
        String body = new String(message.getBody(), StandardCharsets.UTF_8);
        String payload = json.writeValueAsString(
                new RechargeCallback(RechargeCallback.TYPE, payment.txNo(), body, keyId, signature));
        notifications.open(subscriptions.configuredIds(), payment.txNo(), payload);
    }

    private void refuse(MessageExt message, String reason) {
        metrics.counter("dtx.notifier.refused", "reason", reason).increment();
        log.error(
                "Refused message {} (keys {}) on {}: {}; nobody is notified of it",
                message.getMsgId(),
                message.getKeys(),
                message.getTopic(),
                reason);
    }

    @Override
    public void prepareStart(DefaultMQPushConsumer consumer) {
        consumer.setHeartbeatBrokerInterval((int) clientIntervalMillis);
        consumer.setPollNameServerInterval((int) clientIntervalMillis);
    }
}
