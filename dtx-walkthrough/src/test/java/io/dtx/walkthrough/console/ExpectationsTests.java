package io.dtx.walkthrough.console;

import static org.assertj.core.api.Assertions.assertThat;

import io.dtx.walkthrough.words.Words;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;

class ExpectationsTests {

    private static final Words ENGLISH = Words.in(Console.WORDS, Locale.ROOT);
    private static final Instant T0 = Instant.parse("2026-12-03T10:00:00Z");

    @Test
    void aHalfMessageWithoutAnAnswerWaitsForTheCheckBack() {
        List<Step> steps = steps("HALF_MESSAGE_STORED", "LOCAL_COMMIT");

        assertThat(waiting(steps, T0.plusSeconds(3)))
                .contains("waiting for COMMIT or the broker's check-back, 3 s", "waiting for the credit, 3 s");
    }

    @Test
    void aCommittedPaymentWaitsForDeliveryThenForItsCredit() {
        assertThat(waiting(steps("HALF_MESSAGE_STORED", "LOCAL_COMMIT", "COMMIT_SENT"), T0))
                .containsExactly("waiting for delivery to the account service, 0 s", "waiting for the credit, 0 s");
        assertThat(waiting(steps("HALF_MESSAGE_STORED", "LOCAL_COMMIT", "COMMIT_SENT", "DELIVERED"), T0))
                .containsExactly("waiting for the credit, 0 s");
        assertThat(waiting(steps("HALF_MESSAGE_STORED", "LOCAL_COMMIT", "COMMIT_SENT", "DELIVERED", "CREDITED"), T0))
                .isEmpty();
    }

    @Test
    void aCheckBackThatCommitsTakesThePaymentAndOneThatRollsBackEndsIt() {
        List<Step> committed = new ArrayList<>(steps("HALF_MESSAGE_STORED"));
        committed.add(step("CHECK_BACK", "answered COMMIT"));
        List<Step> rolledBack = new ArrayList<>(steps("HALF_MESSAGE_STORED"));
        rolledBack.add(step("CHECK_BACK", "answered ROLLBACK"));

        assertThat(waiting(committed, T0)).contains("waiting for the credit, 0 s");
        assertThat(waiting(rolledBack, T0)).isEmpty();
        assertThat(Expectations.refused(rolledBack)).isTrue();
    }

    @Test
    void anUnknownAnswerDecidesNothingAndAnUnsignedCommitStillCommits() {
        List<Step> unknown = new ArrayList<>(steps("HALF_MESSAGE_STORED"));
        unknown.add(step("CHECK_BACK", "answered UNKNOWN"));
        List<Step> unsigned = new ArrayList<>(steps("HALF_MESSAGE_STORED"));
        unsigned.add(step("CHECK_BACK", "answered COMMIT_UNSIGNED"));

        assertThat(waiting(unknown, T0)).containsExactly("waiting for COMMIT or the broker's check-back, 0 s");
        assertThat(waiting(unsigned, T0)).contains("waiting for the credit, 0 s");
    }

    @Test
    void aNotificationGivenUpIsSaidWhileTheCreditIsStillAwaited() {
        List<Step> gaveUp = new ArrayList<>(steps("HALF_MESSAGE_STORED", "LOCAL_COMMIT", "COMMIT_SENT"));
        gaveUp.add(step("NOTIFICATION_ATTEMPT", "#5 to account: HTTP 500 -> gave_up"));
        gaveUp.add(step("NOTIFICATION_GIVEN_UP", "to account"));

        assertThat(waiting(gaveUp, T0))
                .contains(
                        "the notifier gave up: a person re-sends it, or the account service pulls it",
                        "waiting for the credit, 0 s");
    }

    @Test
    void eachPublisherWaitsForItsOwnSend() {
        assertThat(waiting(List.of(step("LOCAL_COMMIT", "payment row and mq_notify row")), T0))
                .contains("waiting for the mq_notify row to be sent, 0 s");
        assertThat(waiting(List.of(step("LOCAL_COMMIT", "payment row only: the binlog relay publishes it")), T0))
                .contains("waiting for the binlog relay to publish it, 0 s");
    }

    @Test
    void aSuccessfulCallbackCountsAsDeliveryAFailedOneDoesNot() {
        List<Step> failed = new ArrayList<>(steps("HALF_MESSAGE_STORED", "LOCAL_COMMIT", "COMMIT_SENT"));
        failed.add(step("NOTIFICATION_ATTEMPT", "#1 to account: Connection refused -> pending"));
        List<Step> delivered = new ArrayList<>(steps("HALF_MESSAGE_STORED", "LOCAL_COMMIT", "COMMIT_SENT"));
        delivered.add(step("NOTIFICATION_ATTEMPT", "#1 to account: HTTP 200 -> delivered"));

        assertThat(waiting(failed, T0)).anyMatch(line -> line.startsWith("waiting for delivery"));
        assertThat(waiting(delivered, T0)).noneMatch(line -> line.startsWith("waiting for delivery"));
    }

    private static List<String> waiting(List<Step> steps, Instant now) {
        return Expectations.waiting(steps, now, ENGLISH);
    }

    private static List<Step> steps(String... milestones) {
        List<Step> steps = new ArrayList<>();
        for (String milestone : milestones) {
            steps.add(step(milestone, milestone.equals("LOCAL_COMMIT") ? "payment row, with the half message" : ""));
        }
        return steps;
    }

    private static Step step(String milestone, String detail) {
        return new Step(T0, "pay", "tx-1", milestone, milestone.toLowerCase(), detail);
    }
}
