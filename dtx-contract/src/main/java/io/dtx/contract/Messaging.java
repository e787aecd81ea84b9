package io.dtx.contract;

import java.util.List;

/** The topic, tag and group names both services must spell the same way. */
public final class Messaging {

    /** Payments announced by the pay service as transactional (half) messages. */
    public static final String RECHARGE_TOPIC = "dtx-recharge";

    /** Tag of {@link RechargeSucceeded} messages on {@link #RECHARGE_TOPIC}. */
    public static final String RECHARGE_SUCCEEDED_TAG = "RechargeSucceeded";

    /**
     * Where a {@link RechargeSucceeded} is sent: RocketMQ's {@code topic:tag} destination, as the
     * Spring template takes it. Every publisher sends here, so the account side never changes.
     */
    public static final String RECHARGE_SUCCEEDED_DESTINATION = RECHARGE_TOPIC + ":" + RECHARGE_SUCCEEDED_TAG;

    /** The pay service's transactional producer group; the broker's check-back asks this group. */
    public static final String PAY_PRODUCER_GROUP = "dtx-pay-producer";

    /** The account service's consumer group; its dead letters land in {@code %DLQ%dtx-account-consumer}. */
    public static final String ACCOUNT_CONSUMER_GROUP = "dtx-account-consumer";

    /**
     * "Write the queue first": recharge requests, written to the broker before anything else and
     * paid by the pay service when it consumes them. Only the pay service reads this topic.
     */
    public static final String RECHARGE_REQUEST_TOPIC = "dtx-recharge-request";

    /** Where a recharge request is sent: {@code topic:tag}. */
    public static final String RECHARGE_REQUEST_DESTINATION = RECHARGE_REQUEST_TOPIC + ":RechargeRequested";

    /**
     * What a recharge request's signature covers before its body: a signature made for any other
     * kind of message can never pass as a request's.
     */
    public static final String RECHARGE_REQUEST_SIGNED_AS = "dtx-recharge-request/v1\n";

    /** The pay service's consumer group for recharge requests. */
    public static final String PAY_REQUEST_CONSUMER_GROUP = "dtx-pay-request-consumer";

    /**
     * The notifier's consumer group: it reads the same payment results as the account service, on
     * its own offsets, and calls each subscribed receiver back over HTTP.
     */
    public static final String NOTIFIER_CONSUMER_GROUP = "dtx-notifier-consumer";

    /** Every topic the system publishes to, for whoever creates topics up front. */
    public static final List<String> TOPICS = List.of(RECHARGE_TOPIC, RECHARGE_REQUEST_TOPIC);

    /** Every consumer group, so their retry and dead-letter topics can be created up front. */
    public static final List<String> CONSUMER_GROUPS =
            List.of(ACCOUNT_CONSUMER_GROUP, PAY_REQUEST_CONSUMER_GROUP, NOTIFIER_CONSUMER_GROUP);

    private Messaging() {}
}
