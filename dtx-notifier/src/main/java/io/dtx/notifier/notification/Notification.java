package io.dtx.notifier.notification;

import java.time.Instant;

/**
 * One payment result for one receiver, at some point of its schedule.
 *
 * @param round      1, plus one for every re-send by a person (each round follows the whole schedule)
 * @param attempts   attempts finished in this round
 * @param firstDueAt when this round started: every attempt's due time is counted from here
 * @param leaseToken the claim that may record the attempt under way, or null
 */
public record Notification(
        long id,
        String subscriptionId,
        String txNo,
        String payload,
        String status,
        int round,
        int attempts,
        Instant firstDueAt,
        Instant nextAttemptAt,
        String leaseToken,
        String lastError,
        Instant deliveredAt) {

    public static final String PENDING = "pending";
    public static final String DELIVERED = "delivered";
    public static final String GAVE_UP = "gave_up";

    /** This notification as claimed by {@code token}. */
    Notification claimedBy(String token) {
        return new Notification(
                id,
                subscriptionId,
                txNo,
                payload,
                status,
                round,
                attempts,
                firstDueAt,
                nextAttemptAt,
                token,
                lastError,
                deliveredAt);
    }

    /** The Standard Webhooks message id: the same for every attempt and round, the receiver's idempotency key. */
    public String webhookId() {
        return "msg_" + txNo;
    }
}
