package io.dtx.account.messaging;

import io.dtx.account.credit.CreditService;
import io.dtx.contract.Messaging;
import io.dtx.contract.RechargeSucceeded;
import org.apache.rocketmq.client.consumer.DefaultMQPushConsumer;
import org.apache.rocketmq.common.message.MessageExt;
import org.apache.rocketmq.spring.annotation.RocketMQMessageListener;
import org.apache.rocketmq.spring.core.RocketMQListener;
import org.apache.rocketmq.spring.core.RocketMQPushConsumerLifecycleListener;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.stereotype.Component;

/**
 * Consumes {@link RechargeSucceeded} and hands it to {@link CreditService}. Four outcomes:
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
 * Under load the broker hands over up to {@code dtx.account.consumer.batch-size} messages at a
 * time, and a batch of plain first credits commits as one transaction ({@link RechargeBatchListener}).
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

    /** The most a pull brings (the client's pullBatchSize): a larger batch could never fill. */
    static final int MAX_BATCH_SIZE = 32;

    /** The client's own bound on a consumer's threads (checkConfig refuses more). */
    static final int MAX_THREADS = 1000;

    /** The client's own bound on the messages it holds per queue (checkConfig refuses more). */
    static final int MAX_PREFETCH = 65535;

    private final RechargeMessageHandler handler;
    private final CreditService credits;
    private final long clientIntervalMillis;
    private final int maxReconsumeTimes;
    private final int batchSize;
    private final int threads;
    private final int prefetch;

    RechargeSucceededListener(
            RechargeMessageHandler handler,
            CreditService credits,
            @Value("${dtx.account.rocketmq-client-interval-ms:30000}") long clientIntervalMillis,
            @Value("${dtx.account.max-reconsume-times:16}") int maxReconsumeTimes,
            @Value("${dtx.account.consumer.batch-size:16}") int batchSize,
            @Value("${dtx.account.consumer.threads:20}") int threads,
            @Value("${dtx.account.consumer.prefetch:32}") int prefetch) {
        requireBetween("dtx.account.consumer.batch-size (ACCOUNT_CONSUME_BATCH)", batchSize, MAX_BATCH_SIZE);
        requireBetween("dtx.account.consumer.threads (ACCOUNT_CONSUME_THREADS)", threads, MAX_THREADS);
        requireBetween("dtx.account.consumer.prefetch (ACCOUNT_CONSUME_PREFETCH)", prefetch, MAX_PREFETCH);
        this.handler = handler;
        this.credits = credits;
        this.clientIntervalMillis = clientIntervalMillis;
        this.maxReconsumeTimes = maxReconsumeTimes;
        this.batchSize = batchSize;
        this.threads = threads;
        this.prefetch = prefetch;
    }

    private static void requireBetween(String setting, int value, int most) {
        if (value < 1 || value > most) {
            throw new IllegalArgumentException(setting + " must be 1 to " + most + ", was " + value);
        }
    }

    /** One message at a time (batch size 1); throwing makes the broker deliver it again later. */
    @Override
    public void onMessage(MessageExt message) {
        handler.recordDelivery(message);
        handler.handle(message);
    }

    /**
     * Redeliveries before the dead-letter topic, the consumer's threads and its prefetch
     * (configurable here, unlike the annotation), and heartbeat and route refresh intervals. The client default
     * (30 s) makes a freshly started consumer wait up to half a minute before the broker accepts
     * its pulls; local runs use 1 s.
     */
    @Override
    public void prepareStart(DefaultMQPushConsumer consumer) {
        consumer.setHeartbeatBrokerInterval((int) clientIntervalMillis);
        consumer.setPollNameServerInterval((int) clientIntervalMillis);
        consumer.setMaxReconsumeTimes(maxReconsumeTimes);
        // The client's pool grows only to its core size (its queue is unbounded): min = max.
        consumer.setConsumeThreadMin(threads);
        consumer.setConsumeThreadMax(threads);
        // The client cuts what it pulls into batches as it pulls. Holding only a few per queue
        // (the client's default is 1000) leaves a backlog on the broker, from where the next pull
        // brings it in full batches; held here, it would wait as the small batches it came in.
        consumer.setPullThresholdForQueue(prefetch);
        if (batchSize > 1) {
            // The starter hands messages over one at a time; crediting several in one transaction
            // needs the client's own listener for lists. Set here, it replaces the starter's.
            consumer.setConsumeMessageBatchMaxSize(batchSize);
            consumer.setMessageListener(new RechargeBatchListener(handler, credits));
        }
    }
}
