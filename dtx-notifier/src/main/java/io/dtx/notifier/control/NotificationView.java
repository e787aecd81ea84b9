package io.dtx.notifier.control;

import io.dtx.notifier.notification.DeliveryAttempt;
import io.dtx.notifier.notification.Notification;
import java.time.Instant;
import java.util.List;

/** One notification with its delivery log (no payload: the log is for looking, not for replaying by hand). */
record NotificationView(
        String txNo,
        String subscription,
        String status,
        int round,
        int attempts,
        Instant firstDueAt,
        Instant nextAttemptAt,
        Instant deliveredAt,
        String lastError,
        List<DeliveryAttempt> log) {

    static NotificationView of(Notification n, List<DeliveryAttempt> log) {
        return new NotificationView(
                n.txNo(),
                n.subscriptionId(),
                n.status(),
                n.round(),
                n.attempts(),
                n.firstDueAt(),
                Notification.PENDING.equals(n.status()) ? n.nextAttemptAt() : null,
                n.deliveredAt(),
                n.lastError(),
                log);
    }
}
