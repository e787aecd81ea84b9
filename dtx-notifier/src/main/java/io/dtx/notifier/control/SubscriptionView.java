package io.dtx.notifier.control;

import io.dtx.notifier.subscription.Subscription;

/** A receiver as a person sees it: its address without credentials or query, never its secrets. */
record SubscriptionView(
        String id, String url, String schedule, int attempts, String ackBody, boolean enabled, String disabledReason) {

    static SubscriptionView of(Subscription s) {
        return new SubscriptionView(
                s.id(),
                s.shownUrl(),
                s.schedule().name(),
                s.schedule().attempts(),
                s.ackBody(),
                s.enabled(),
                s.disabledReason());
    }
}
