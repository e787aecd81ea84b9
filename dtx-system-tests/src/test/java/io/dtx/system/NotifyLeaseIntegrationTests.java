package io.dtx.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.dtx.notifier.notification.DeliveryAttempt;
import io.dtx.notifier.notification.Notification;
import io.dtx.notifier.notification.Notifications;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * The claims' leases against the real database, by the notifier's own service: what happens when
 * an attempt outlives its lease and another claim takes the row (a notifier that stalled, a
 * database slow to record). The subscription ids are ones no dispatcher calls, so only this test
 * claims their rows.
 */
class NotifyLeaseIntegrationTests {

    /** A subscription of this test alone (a new instance per test method): no other claim sees its rows. */
    private final String nobody = "lease-" + UUID.randomUUID().toString().substring(0, 8);

    private final NotifyStack stack = NotifyStack.get();
    private final Notifications notifications = stack.notifier.getBean(Notifications.class);

    @Test
    void anOvertakenAttemptChangesNothingAndTheClaimHoldingTheRowDecides() {
        String txNo = open();
        Notification stalled = claim(Duration.ZERO); // its lease ends at once
        Notification overtaking = claim(Duration.ofMinutes(5));

        assertThat(notifications.finish(stalled, attempt(stalled, "failed"), Notification.PENDING, Instant.now()))
                .as("the stalled attempt is not recorded")
                .isFalse();
        assertThat(notifications.finish(overtaking, attempt(overtaking, "failed"), Notification.PENDING, Instant.now()))
                .isTrue();

        Notification row = notifications.ofPayment(txNo).get(0);
        assertThat(row.attempts()).isEqualTo(1);
        assertThat(notifications.attemptsOf(row.id())).hasSize(1);
    }

    @Test
    void aLateAcknowledgementStillDeliversAndTheOvertakingClaimCannotUndoIt() {
        String txNo = open();
        Notification late = claim(Duration.ZERO);
        Notification overtaking = claim(Duration.ofMinutes(5));

        assertThat(notifications.finish(late, attempt(late, "acknowledged"), Notification.DELIVERED, Instant.now()))
                .isFalse();
        assertThat(notifications.finish(overtaking, attempt(overtaking, "failed"), Notification.GAVE_UP, Instant.now()))
                .as("the overtaking claim finds the notification delivered")
                .isFalse();

        Notification row = notifications.ofPayment(txNo).get(0);
        assertThat(row.status()).isEqualTo(Notification.DELIVERED);
        assertThat(notifications.attemptsOf(row.id()))
                .extracting(DeliveryAttempt::outcome)
                .containsExactly("acknowledged");
    }

    @Test
    void aResendDuringACallKeepsTheLeaseSoNoSecondCallGoesOutBesideIt() {
        String txNo = open();
        Notification inFlight = claim(Duration.ofMinutes(5));

        assertThat(notifications.resend(txNo, nobody)).isEqualTo(1);

        assertThat(notifications.claimDue(List.of(nobody), 10, Duration.ofMinutes(5)))
                .as("the new round waits for the lease")
                .noneMatch(n -> n.txNo().equals(txNo));
        assertThat(notifications.finish(inFlight, attempt(inFlight, "failed"), Notification.PENDING, Instant.now()))
                .as("the old round's attempt is not recorded in the new round")
                .isFalse();
        assertThat(notifications.ofPayment(txNo).get(0).round()).isEqualTo(2);
    }

    private String open() {
        String txNo = UUID.randomUUID().toString();
        notifications.open(List.of(nobody), txNo, "{}");
        return txNo;
    }

    /** Claims the row; it is due at once (seen due a moment late once, so asked again for a second). */
    private Notification claim(Duration lease) {
        List<List<Notification>> claimed = new ArrayList<>();
        await().atMost(Duration.ofSeconds(1))
                .pollInterval(Duration.ofMillis(20))
                .until(() -> claimed.add(notifications.claimDue(List.of(nobody), 1, lease))
                        && !claimed.get(claimed.size() - 1).isEmpty());
        return claimed.get(claimed.size() - 1).get(0);
    }

    private static DeliveryAttempt attempt(Notification n, String outcome) {
        Instant now = Instant.now();
        return new DeliveryAttempt(n.id(), n.round(), n.attempts() + 1, now, now, 1, 200, outcome, null);
    }
}
