package io.dtx.system;

import static io.dtx.system.Http.rechargeJson;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.dtx.notifier.schedule.Schedule;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.MissingNode;

/**
 * Scheme 2 for real: payments taken by the pay service, read from the broker by the notifier,
 * called back over HTTP on their (time-scaled) schedules, credited by the account service's
 * callback endpoint. The attempt times are checked twice: in the notifier's delivery log, and as
 * the receiver saw them arrive.
 */
class NotifyScheduleIntegrationTests {

    /**
     * How far an attempt may start after its scheduled time here: poll interval 20 ms, on two cores
     * that the build keeps busy (late by 0.52 s seen once in a full build). The figures measured
     * are printed.
     */
    static final Duration TOLERANCE = Duration.ofSeconds(1);

    private final NotifyStack stack = NotifyStack.get();

    @Test
    void aReceiverBackAtTheFourthAttemptIsCreditedOnceThereOnTheAlipaySchedule() {
        String accountNo = stack.db.newAccount("notify-back-");
        stack.receiver.refuseFirst(accountNo, 3);

        String txNo = pay(accountNo, "25.00");

        await().atMost(Duration.ofSeconds(30)).until(() -> stack.db.credits(txNo) == 1);
        JsonNode notification = notification(txNo, "account-service");
        await().atMost(Duration.ofSeconds(10))
                .until(() -> "delivered"
                        .equals(notification(txNo, "account-service")
                                .path("status")
                                .asString()));
        JsonNode log = notification(txNo, "account-service").path("log");
        assertThat(notification.path("round").asInt()).isEqualTo(1);
        assertThat(outcomes(log)).containsExactly("failed", "failed", "failed", "acknowledged");
        assertThat(log.get(0).path("httpStatus").asInt()).isEqualTo(503);
        assertOnSchedule(log, Schedule.parse("alipay"));
        // Independently of the notifier's own log: when the receiver saw the calls arrive.
        List<CallbackReceiver.Call> calls = stack.receiver.calls("/gate", txNo);
        assertThat(calls).extracting(CallbackReceiver.Call::answered).containsExactly(503, 503, 503, 200);
        assertGaps(calls, Schedule.parse("alipay"));
        assertThat(stack.db.appliedBy(txNo)).isEqualTo("CALLBACK");
        assertThat(stack.db.balance(accountNo)).isEqualByComparingTo("25.00");
    }

    @Test
    void badReceiversAreRetriedOnTheirScheduleAndA410TurnsTheSubscriptionOff() {
        String txNo = pay(stack.db.newAccount("notify-bad-"), "1.00");

        for (String subscription : List.of("status-500", "wrong-body", "slow")) {
            await().atMost(Duration.ofSeconds(15))
                    .until(() -> "gave_up"
                            .equals(notification(txNo, subscription)
                                    .path("status")
                                    .asString()));
            JsonNode log = notification(txNo, subscription).path("log");
            assertThat(outcomes(log)).as(subscription).containsExactly("failed", "failed", "failed", "failed");
            assertOnSchedule(log, Schedule.parse(NotifyStack.SHORT_SCHEDULE));
        }
        assertThat(notification(txNo, "status-500")
                        .path("log")
                        .get(0)
                        .path("httpStatus")
                        .asInt())
                .isEqualTo(500);
        assertThat(notification(txNo, "wrong-body")
                        .path("log")
                        .get(0)
                        .path("httpStatus")
                        .asInt())
                .as("a 2xx without the required body is not an acknowledgement")
                .isEqualTo(200);
        assertThat(notification(txNo, "slow").path("log").get(0).path("error").asString())
                .isEqualTo("timed out");
    }

    @Test
    void a410TurnsTheSubscriptionOffAndItsNotificationsWait() {
        String txNo = pay(stack.db.newAccount("notify-gone-"), "1.00");
        await().atMost(Duration.ofSeconds(10))
                .until(() -> !notification(txNo, "gone").isMissingNode());

        // Whichever payment met the 410 first (an earlier test's, maybe), it is met again now.
        assertThat(stack.notifierHttp
                        .post("/notifier/subscriptions/gone/enable", "")
                        .status())
                .isEqualTo(200);
        await().atMost(Duration.ofSeconds(10))
                .until(() -> !subscription("gone").path("enabled").asBoolean());

        assertThat(subscription("gone").path("disabledReason").asString()).startsWith("410 Gone");
        JsonNode gone = notification(txNo, "gone");
        assertThat(gone.path("status").asString())
                .as("waits for the subscription")
                .isEqualTo("pending");
        assertThat(outcomes(gone.path("log"))).containsOnly("gone").hasSizeLessThanOrEqualTo(1);
        assertThat(stack.db.scalar(
                        "dtx_notify",
                        "SELECT COUNT(*) FROM delivery_attempt a JOIN notification n ON n.id = a.notification_id"
                                + " WHERE n.subscription_id = 'gone' AND a.outcome <> 'gone'",
                        Long.class))
                .as("a 410 is never taken for anything else")
                .isZero();
    }

    @Test
    void aRetryAfterFromTheReceiverOutranksTheSchedule() {
        String txNo = pay(stack.db.newAccount("notify-busy-"), "1.00");

        // Retry-After: 2 s, where the schedule says 167 ms.
        await().atMost(Duration.ofSeconds(20))
                .until(() -> "gave_up"
                        .equals(notification(txNo, "retry-after").path("status").asString()));
        List<CallbackReceiver.Call> asked = stack.receiver.calls("/retry-after", txNo);
        assertThat(asked).hasSize(4);
        for (int i = 1; i < asked.size(); i++) {
            assertThat(Duration.between(asked.get(i - 1).at(), asked.get(i).at()))
                    .isGreaterThanOrEqualTo(Duration.ofMillis(1900));
        }
    }

    @Test
    void aReceiverDownPastTheLastAttemptIsGivenUpAndThePullCreditsItOnce() {
        String accountNo = stack.db.newAccount("notify-down-");
        stack.receiver.shut(accountNo);
        String txNo = pay(accountNo, "7.00");

        await().atMost(Duration.ofSeconds(60))
                .until(() -> "gave_up"
                        .equals(notification(txNo, "account-service")
                                .path("status")
                                .asString()));
        assertThat(notification(txNo, "account-service").path("log")).hasSize(8);
        assertThat(stack.notifierHttp
                        .get("/notifier/notifications?status=gave_up")
                        .json()
                        .findValuesAsString("txNo"))
                .contains(txNo);
        assertThat(stack.db.credits(txNo)).isZero();

        // The query backs it all: the account side asks the pay side itself.
        assertThat(stack.accountHttp
                        .post("/accounts/recharges/" + txNo + "/pull", "")
                        .status())
                .isEqualTo(200);
        assertThat(stack.db.credits(txNo)).isEqualTo(1);
        assertThat(stack.db.appliedBy(txNo)).isEqualTo("PULL");

        // A person re-sends once the receiver is back: acknowledged, and still one credit.
        stack.receiver.open(accountNo);
        assertThat(stack.notifierHttp
                        .post("/notifier/notifications/" + txNo + "/resend?subscription=account-service", "")
                        .status())
                .isEqualTo(200);
        await().atMost(Duration.ofSeconds(10))
                .until(() -> "delivered"
                        .equals(notification(txNo, "account-service")
                                .path("status")
                                .asString()));
        assertThat(notification(txNo, "account-service").path("round").asInt()).isEqualTo(2);
        assertThat(stack.db.credits(txNo)).isEqualTo(1);
        assertThat(stack.db.balance(accountNo)).isEqualByComparingTo("7.00");
    }

    private String pay(String accountNo, String amount) {
        Http.Response created = stack.payHttp.post("/pay/recharges", rechargeJson(accountNo, amount));
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        return created.json().path("txNo").asString();
    }

    private JsonNode notification(String txNo, String subscription) {
        Http.Response response = stack.notifierHttp.get("/notifier/notifications/" + txNo);
        if (response.status() != 200) {
            return MissingNode.getInstance(); // not opened yet
        }
        for (JsonNode n : response.json()) {
            if (n.path("subscription").asString().equals(subscription)) {
                return n;
            }
        }
        return MissingNode.getInstance();
    }

    private JsonNode subscription(String id) {
        for (JsonNode s : stack.notifierHttp.get("/notifier/subscriptions").json()) {
            if (s.path("id").asString().equals(id)) {
                return s;
            }
        }
        throw new AssertionError("no subscription " + id);
    }

    private static List<String> outcomes(JsonNode log) {
        List<String> outcomes = new ArrayList<>();
        log.forEach(a -> outcomes.add(a.path("outcome").asString()));
        return outcomes;
    }

    /** Each attempt started no earlier than due, and at most {@link #TOLERANCE} after; due = start + scaled offset. */
    private static void assertOnSchedule(JsonNode log, Schedule schedule) {
        Instant start = Instant.parse(log.get(0).path("dueAt").asString());
        for (JsonNode attempt : log) {
            int n = attempt.path("attempt").asInt();
            Instant due = Instant.parse(attempt.path("dueAt").asString());
            Instant started = Instant.parse(attempt.path("startedAt").asString());
            Instant planned = start.plus(scaled(schedule.offsetOf(n)));
            assertThat(due) // stored to the millisecond
                    .as("attempt %d due", n)
                    .isBetween(planned.minusMillis(2), planned.plusMillis(2));
            Duration late = Duration.between(due, started);
            System.out.printf(
                    "attempt %d of %d started %d ms after it was due%n", n, schedule.attempts(), late.toMillis());
            assertThat(late).as("attempt %d lateness", n).isBetween(Duration.ofMillis(-5), TOLERANCE);
        }
    }

    /** As the receiver saw them: call k arrived (offset(k) - offset(1)) after call 1, within the tolerance. */
    private static void assertGaps(List<CallbackReceiver.Call> calls, Schedule schedule) {
        Instant first = calls.get(0).at();
        for (int k = 2; k <= calls.size(); k++) {
            Duration gap = Duration.between(first, calls.get(k - 1).at());
            Duration planned = scaled(schedule.offsetOf(k));
            assertThat(gap).as("call %d", k).isBetween(planned.minus(TOLERANCE), planned.plus(TOLERANCE));
        }
    }

    private static Duration scaled(Duration d) {
        return Duration.ofNanos((long) (d.toNanos() * NotifyStack.TIME_SCALE));
    }
}
