package io.dtx.notifier.subscription;

import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The receivers this notifier calls, by id ({@code dtx.notifier.subscriptions.<id>.*}).
 *
 * @param subscriptions id -> where and how to call it
 */
@ConfigurationProperties("dtx.notifier")
public record SubscriptionSettings(Map<String, Receiver> subscriptions) {

    public SubscriptionSettings {
        subscriptions = subscriptions == null ? Map.of() : Map.copyOf(subscriptions);
    }

    /**
     * @param url      where each notification is POSTed
     * @param secrets  Standard Webhooks secrets ({@code whsec_...}), space- or comma-separated; every
     *                 call carries a signature by each, so a receiver can rotate without a gap
     * @param schedule a preset or a list of waits (see {@link io.dtx.notifier.schedule.Schedule#parse})
     * @param ackBody  the body a 2xx must carry to count as acknowledged ({@code success} like
     *                 Alipay); empty: any 2xx
     */
    public record Receiver(String url, String secrets, String schedule, String ackBody) {

        /** Never the secrets: this may end up in a log line. */
        @Override
        public String toString() {
            return "Receiver[url=" + Subscription.shown(url) + ", schedule=" + schedule + ", ackBody=" + ackBody
                    + ", secrets=(hidden)]";
        }
    }
}
