package io.dtx.notifier.delivery;

import static org.assertj.core.api.Assertions.assertThat;

import io.dtx.notifier.notification.Notification;
import io.dtx.notifier.schedule.Schedule;
import io.dtx.notifier.schedule.Timing;
import io.dtx.notifier.subscription.Subscription;
import java.net.http.HttpHeaders;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class NextStepTests {

    private static final Instant START = Instant.parse("2026-12-02T00:00:00Z");
    private static final Timing AS_WRITTEN = new Timing(1, 0);
    private static final Subscription ALIPAY =
            new Subscription("a", "http://r", Schedule.parse("alipay"), "success", true, null);

    @Test
    void onlyA2xxWithTheRequiredBodyDelivers() {
        assertThat(after(reply(200, " success\n"), 0).status()).isEqualTo(Notification.DELIVERED);
        assertThat(after(reply(200, "ok"), 0).status()).isEqualTo(Notification.PENDING);
        assertThat(after(reply(204, ""), 0).outcome()).isEqualTo("failed");
        Subscription anyBody = new Subscription("b", "http://r", Schedule.parse("1m"), null, true, null);
        assertThat(NextStep.after(reply(204, ""), notification(0), anyBody, AS_WRITTEN, START, Duration.ofHours(1))
                        .status())
                .isEqualTo(Notification.DELIVERED);
    }

    @Test
    void aFailureIsRetriedWhenTheScheduleSaysCountedFromTheStartAndGivenUpAfterTheLast() {
        Instant onTime = START.plus(Duration.ofMinutes(4)).plusSeconds(1); // attempt 2, a second late
        NextStep step =
                NextStep.after(reply(500, ""), notification(1), ALIPAY, AS_WRITTEN, onTime, Duration.ofHours(1));

        assertThat(step.status()).isEqualTo(Notification.PENDING);
        assertThat(step.nextAttemptAt()).as("counted from the start").isEqualTo(START.plus(Duration.ofMinutes(14)));
        assertThat(after(reply(500, ""), 7).status()).isEqualTo(Notification.GAVE_UP);
    }

    @Test
    void behindTheScheduleTheNextAttemptIsNeverSoonerThanHalfItsWait() {
        Instant late = START.plus(Duration.ofMinutes(30)); // attempt 2 ran 26 minutes late
        NextStep step = NextStep.after(reply(500, ""), notification(1), ALIPAY, AS_WRITTEN, late, Duration.ofHours(1));

        assertThat(step.nextAttemptAt()).isEqualTo(late.plus(Duration.ofMinutes(5)));
        Instant farBehind = START.plus(Duration.ofHours(2)); // attempt 5 is due at 1 h 24 m
        NextStep third =
                NextStep.after(reply(500, ""), notification(3), ALIPAY, AS_WRITTEN, farBehind, Duration.ofHours(1));
        assertThat(third.nextAttemptAt()).isEqualTo(farBehind.plus(Duration.ofMinutes(30)));
    }

    @Test
    void retryAfterOutranksAnEarlierScheduledAttemptUpToItsCap() {
        NextStep asked = after(new CallbackReply(503, "", Duration.ofMinutes(30), null, 1), 0);
        assertThat(asked.nextAttemptAt()).isEqualTo(START.plus(Duration.ofMinutes(30)));
        NextStep capped = after(new CallbackReply(503, "", Duration.ofDays(3), null, 1), 0);
        assertThat(capped.nextAttemptAt()).isEqualTo(START.plus(Duration.ofHours(1)));
        NextStep sooner = after(new CallbackReply(503, "", Duration.ofSeconds(1), null, 1), 0);
        assertThat(sooner.nextAttemptAt()).as("never earlier than the schedule").isEqualTo(START.plusSeconds(240));
    }

    @Test
    void a410DisablesTheSubscriptionAndCountsAsAnAttempt() {
        NextStep gone = after(reply(410, ""), 0);
        assertThat(gone.disableSubscription()).isTrue();
        assertThat(gone.outcome()).isEqualTo("gone");
        assertThat(gone.status()).isEqualTo(Notification.PENDING);
    }

    @Test
    void retryAfterIsReadAsSecondsOrAnHttpDate() {
        assertThat(CallbackClient.retryAfter(headers("120"))).isEqualTo(Duration.ofSeconds(120));
        assertThat(CallbackClient.retryAfter(headers("Wed, 21 Oct 2015 07:28:00 GMT")))
                .isZero();
        assertThat(CallbackClient.retryAfter(headers("soon"))).isNull();
    }

    private static NextStep after(CallbackReply reply, int attemptsBefore) {
        return NextStep.after(reply, notification(attemptsBefore), ALIPAY, AS_WRITTEN, START, Duration.ofHours(1));
    }

    private static CallbackReply reply(int status, String body) {
        return new CallbackReply(status, body, null, null, 1);
    }

    private static Notification notification(int attempts) {
        return new Notification(1, "a", "tx", "{}", Notification.PENDING, 1, attempts, START, START, "t", null, null);
    }

    private static HttpHeaders headers(String retryAfter) {
        return HttpHeaders.of(Map.of("Retry-After", List.of(retryAfter)), (a, b) -> true);
    }
}
