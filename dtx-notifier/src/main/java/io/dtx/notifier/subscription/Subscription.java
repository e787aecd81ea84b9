package io.dtx.notifier.subscription;

import io.dtx.notifier.schedule.Schedule;

/**
 * A receiver as the notifier sees it now (no secret: those stay in the {@link CallbackSigner}).
 *
 * @param disabledReason why it is off (410 Gone, a person), or null
 */
public record Subscription(
        String id, String url, Schedule schedule, String ackBody, boolean enabled, String disabledReason) {

    /** Whether a reply body acknowledges: any, or exactly the required word (surrounding blanks aside). */
    public boolean acknowledges(String body) {
        return ackBody == null
                || ackBody.isBlank()
                || (body != null && body.strip().equals(ackBody));
    }
}
