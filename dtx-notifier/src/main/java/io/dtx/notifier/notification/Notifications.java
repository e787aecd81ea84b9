package io.dtx.notifier.notification;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Isolation;
import org.springframework.transaction.annotation.Transactional;

/** What the rest of the notifier does with notifications; each method one short transaction. */
@Service
public class Notifications {

    private final NotificationTable table;

    Notifications(NotificationTable table) {
        this.table = table;
    }

    /**
     * One notification per subscription for a payment result, each starting its schedule now. A
     * message delivered twice opens nothing new: (subscription, txNo) is unique.
     */
    @Transactional(timeout = 10)
    public void open(List<String> subscriptionIds, String txNo, String payload) {
        for (String id : subscriptionIds) {
            table.open(id, txNo, payload);
        }
    }

    /**
     * Claims up to {@code limit} due notifications for one attempt each: locked (skipping what
     * another instance holds), pushed {@code lease} into the future, committed. Under READ
     * COMMITTED only those rows are locked, not the gaps new notifications go into.
     */
    @Transactional(isolation = Isolation.READ_COMMITTED, timeout = 10)
    public List<Notification> claimDue(List<String> subscriptionIds, int limit, Duration lease) {
        if (subscriptionIds.isEmpty() || limit < 1) {
            return List.of();
        }
        List<Notification> claimed = new ArrayList<>();
        for (Notification n : table.lockDue(subscriptionIds, limit)) {
            String token = UUID.randomUUID().toString();
            table.lease(n.id(), lease, token);
            claimed.add(n.claimedBy(token));
        }
        return claimed;
    }

    /**
     * Records a finished attempt and moves its notification on, to {@code status} with the next
     * attempt due at {@code nextAttemptAt}, if the attempt's claim still holds the row.
     *
     * @return false if another claim or a new round overtook this attempt: nothing was written,
     *         except that an acknowledgement still marks the notification delivered (and is logged),
     *         after which the overtaking claim can no longer move it
     */
    @Transactional(timeout = 10)
    public boolean finish(Notification n, DeliveryAttempt attempt, String status, Instant nextAttemptAt) {
        if (!table.advance(n, status, nextAttemptAt, attempt.error())) {
            if (DeliveryAttempt.ACKNOWLEDGED.equals(attempt.outcome()) && table.deliveredLate(n)) {
                table.log(attempt);
            }
            return false;
        }
        table.log(attempt);
        return true;
    }

    /** A person's re-send: a new round from now, for every subscription or one. @return rows restarted */
    @Transactional(timeout = 10)
    public int resend(String txNo, String subscriptionId) {
        return table.restart(txNo, subscriptionId);
    }

    /** A person's replay of everything opened in [from, to), delivered or not. @return rows restarted */
    @Transactional(timeout = 60)
    public int replay(Instant from, Instant to) {
        return table.restartCreatedBetween(from, to);
    }

    public List<Notification> ofPayment(String txNo) {
        return table.ofPayment(txNo);
    }

    public List<Notification> withStatus(String status, int limit) {
        return table.withStatus(status, limit);
    }

    public List<DeliveryAttempt> attemptsOf(long notificationId) {
        return table.attemptsOf(notificationId);
    }

    public long countWithStatus(String status) {
        return table.countWithStatus(status);
    }

    public Optional<Notification> find(long id) {
        return table.find(id);
    }
}
