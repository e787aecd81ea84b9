package io.dtx.contract;

import java.util.List;
import java.util.regex.Pattern;

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

    /**
     * The binlog relay's producer group. It publishes committed payments it reads from the
     * binary log, so no half message and no check-back are involved.
     */
    public static final String RELAY_PRODUCER_GROUP = "dtx-relay-producer";

    /** What an environment name may look like ({@code dev}, {@code staging}, {@code qa2}, ...). */
    private static final Pattern ENVIRONMENT = Pattern.compile("[a-z][a-z0-9]{0,15}");

    /** Every topic the system publishes to, for whoever creates topics up front. */
    public static final List<String> TOPICS = List.of(RECHARGE_TOPIC, RECHARGE_REQUEST_TOPIC);

    /** Every consumer group, so their retry and dead-letter topics can be created up front. */
    public static final List<String> CONSUMER_GROUPS =
            List.of(ACCOUNT_CONSUMER_GROUP, PAY_REQUEST_CONSUMER_GROUP, NOTIFIER_CONSUMER_GROUP);

    /**
     * A topic or consumer group of one deployment environment: {@code name-env}, or {@code name}
     * itself where no environment is set. Several environments share one broker (and one
     * database) this way; each process derives every name from its single {@code DTX_ENV}.
     *
     * @throws IllegalArgumentException if {@code environment} is not a lowercase word of up to 16
     *         letters and digits
     */
    public static String inEnvironment(String name, String environment) {
        if (environment == null || environment.isBlank()) {
            return name;
        }
        return name + "-" + checkEnvironment(environment);
    }

    /** The environment name itself, checked, so a typo cannot make a topic nobody reads. */
    public static String checkEnvironment(String environment) {
        if (environment == null || !ENVIRONMENT.matcher(environment).matches()) {
            throw new IllegalArgumentException(
                    "An environment is a lowercase word of up to 16 letters and digits, not '" + environment + "'");
        }
        return environment;
    }

    private Messaging() {}
}
