package io.dtx.account.messaging;

import io.dtx.account.credit.AppliedBy;
import io.dtx.account.credit.CreditService;
import io.dtx.account.suspense.Suspense;
import io.dtx.contract.MessageSigning;
import io.dtx.contract.Messaging;
import io.dtx.contract.RechargeSucceeded;
import io.dtx.web.journey.Journeys;
import io.dtx.web.journey.Milestone;
import java.nio.charset.StandardCharsets;
import org.apache.rocketmq.client.consumer.DefaultMQPushConsumer;
import org.apache.rocketmq.common.message.MessageExt;
import org.apache.rocketmq.spring.annotation.RocketMQMessageListener;
import org.apache.rocketmq.spring.core.RocketMQListener;
import org.apache.rocketmq.spring.core.RocketMQPushConsumerLifecycleListener;
import org.slf4j.MDC;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.stereotype.Component;

/**
 * Consumes {@link RechargeSucceeded} and hands it to {@link CreditService}. Three outcomes:
 * <ul>
 *   <li>credited, or credited before: return normally, the broker marks the message consumed;</li>
 *   <li>poison (unsigned, unreadable, impossible): set aside in {@code poison_message} and
 *       acknowledged, because no retry could ever succeed;</li>
 *   <li>for an account that does not exist (yet): held in suspense and acknowledged; the
 *       suspense job credits it once the account appears;</li>
 *   <li>anything else (the database is down): throw, so the broker redelivers with growing delays
 *       and, after {@code maxReconsumeTimes}, parks it in the dead-letter topic, from where the
 *       reconciliation job still credits it.</li>
 * </ul>
 */
@Component
// Off when the account side takes payments by callback only (scheme 2): dtx.account.consumer.enabled=false.
@ConditionalOnProperty(name = "dtx.account.consumer.enabled", havingValue = "true", matchIfMissing = true)
@RocketMQMessageListener(
        // dtx-recharge, or dtx-recharge-<env> with DTX_ENV (io.dtx.web.EnvironmentNames); the group likewise.
        topic = "${dtx.messaging.recharge-topic}",
        selectorExpression = Messaging.RECHARGE_SUCCEEDED_TAG,
        consumerGroup = "${dtx.messaging.account-consumer-group}")
class RechargeSucceededListener implements RocketMQListener<MessageExt>, RocketMQPushConsumerLifecycleListener {

    private final RechargeMessageReader reader;
    private final CreditService credits;
    private final PoisonMessages poison;
    private final Suspense suspense;
    private final Journeys journeys;
    private final long clientIntervalMillis;
    private final int maxReconsumeTimes;

    RechargeSucceededListener(
            RechargeMessageReader reader,
            CreditService credits,
            PoisonMessages poison,
            Suspense suspense,
            Journeys journeys,
            @Value("${dtx.account.rocketmq-client-interval-ms:30000}") long clientIntervalMillis,
            @Value("${dtx.account.max-reconsume-times:16}") int maxReconsumeTimes) {
        this.reader = reader;
        this.credits = credits;
        this.poison = poison;
        this.suspense = suspense;
        this.journeys = journeys;
        this.clientIntervalMillis = clientIntervalMillis;
        this.maxReconsumeTimes = maxReconsumeTimes;
    }

    @Override
    public void onMessage(MessageExt message) {
        MDC.put("txNo", message.getKeys());
        journeys.record(message.getKeys(), Milestone.DELIVERED, "delivery " + (message.getReconsumeTimes() + 1));
        try {
            RechargeSucceeded payment = reader.read(
                    message.getBody(),
                    message.getUserProperty(MessageSigning.KEY_ID_PROPERTY),
                    message.getUserProperty(MessageSigning.SIGNATURE_PROPERTY));
            // A real payment, signed by the pay side; for an account that does not exist (yet), held.
            suspense.creditOrHold(payment, AppliedBy.MESSAGE);
        } catch (RechargeMessageReader.PoisonException e) {
            poison.record(
                    message.getKeys(),
                    message.getMsgId(),
                    e.getMessage(),
                    new String(message.getBody(), StandardCharsets.UTF_8));
        } finally {
            MDC.remove("txNo");
        }
    }

    /**
     * Redeliveries before the dead-letter topic (configurable here, unlike the annotation), and
     * heartbeat and route refresh intervals. The client default (30 s) makes a freshly started
     * consumer wait up to half a minute before the broker accepts its pulls; local runs use 1 s.
     */
    @Override
    public void prepareStart(DefaultMQPushConsumer consumer) {
        consumer.setHeartbeatBrokerInterval((int) clientIntervalMillis);
        consumer.setPollNameServerInterval((int) clientIntervalMillis);
        consumer.setMaxReconsumeTimes(maxReconsumeTimes);
    }
}
