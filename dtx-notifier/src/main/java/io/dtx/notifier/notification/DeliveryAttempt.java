package io.dtx.notifier.notification;

import java.time.Instant;

/**
 * One finished attempt, as the delivery log keeps it.
 *
 * @param dueAt      when the schedule wanted it (plus jitter)
 * @param startedAt  when the call went out: {@code startedAt - dueAt} is how late it was
 * @param httpStatus the receiver's status, or null when there was no answer (refused, timed out)
 * @param outcome    {@code acknowledged}, {@code failed} or {@code gone}
 */
public record DeliveryAttempt(
        long notificationId,
        int round,
        int attempt,
        Instant dueAt,
        Instant startedAt,
        long latencyMillis,
        Integer httpStatus,
        String outcome,
        String error) {

    public static final String ACKNOWLEDGED = "acknowledged";
    public static final String FAILED = "failed";
    public static final String GONE = "gone";
}
