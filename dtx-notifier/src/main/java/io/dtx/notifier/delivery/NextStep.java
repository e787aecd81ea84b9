package io.dtx.notifier.delivery;

import io.dtx.notifier.notification.DeliveryAttempt;
import io.dtx.notifier.notification.Notification;
import io.dtx.notifier.schedule.Timing;
import io.dtx.notifier.subscription.Subscription;
import java.time.Duration;
import java.time.Instant;

/**
 * Where a notification goes after an attempt, from the reply and the schedule alone (pure logic):
 * <ul>
 *   <li>a 2xx with the required body: delivered;</li>
 *   <li>anything else: the next attempt when the schedule says, or later if the receiver asked
 *       for that with {@code Retry-After}; after the last attempt, given up. An attempt made late
 *       shifts none after it, but the next one is never less than half its wait away: a notifier
 *       back after an outage does not spend the rest of a schedule in one burst;</li>
 *   <li>410 Gone counts as a failed attempt and turns the subscription off: its notifications wait
 *       where they are until a person turns it on again.</li>
 * </ul>
 *
 * @param outcome the attempt's outcome for the delivery log
 */
record NextStep(String status, Instant nextAttemptAt, String outcome, boolean disableSubscription) {

    static NextStep after(
            CallbackReply reply, Notification n, Subscription s, Timing timing, Instant now, Duration maxRetryAfter) {
        if (reply.is2xx() && s.acknowledges(reply.body())) {
            return new NextStep(Notification.DELIVERED, now, DeliveryAttempt.ACKNOWLEDGED, false);
        }
        boolean gone = reply.status() == 410;
        String outcome = gone ? DeliveryAttempt.GONE : DeliveryAttempt.FAILED;
        int attempt = n.attempts() + 1;
        if (attempt >= s.schedule().attempts()) {
            return new NextStep(Notification.GAVE_UP, now, outcome, gone);
        }
        Instant next = timing.dueAt(s.schedule(), n.firstDueAt(), attempt + 1);
        // Behind the schedule (the notifier was down, the subscription off): never back to back.
        Instant soonest =
                now.plus(timing.scaled(s.schedule().intervalBefore(attempt + 1)).dividedBy(2));
        next = soonest.isAfter(next) ? soonest : next;
        if (reply.retryAfter() != null) {
            Duration asked = reply.retryAfter().compareTo(maxRetryAfter) > 0 ? maxRetryAfter : reply.retryAfter();
            Instant askedFor = now.plus(asked);
            next = askedFor.isAfter(next) ? askedFor : next;
        }
        return new NextStep(Notification.PENDING, next, outcome, gone);
    }
}
