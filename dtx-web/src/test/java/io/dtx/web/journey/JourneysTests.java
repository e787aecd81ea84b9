package io.dtx.web.journey;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

class JourneysTests {

    private final Journeys journeys =
            new Journeys("dtx-pay-service", Clock.fixed(Instant.parse("2026-12-03T00:00:00Z"), ZoneOffset.UTC));

    @Test
    void aReaderGetsEachStepOnceByReadingOnFromTheLastNumber() {
        journeys.record("tx-1", Milestone.LOCAL_COMMIT, "");
        journeys.record("tx-1", Milestone.COMMIT_SENT, "");
        JourneyPage first = journeys.after(0);
        journeys.record("tx-2", Milestone.LOCAL_COMMIT, "");
        JourneyPage second = journeys.after(first.last());

        assertThat(first.steps())
                .extracting(JourneyStep::milestone)
                .containsExactly(Milestone.LOCAL_COMMIT, Milestone.COMMIT_SENT);
        assertThat(second.steps()).extracting(JourneyStep::txNo).containsExactly("tx-2");
        assertThat(journeys.after(second.last()).steps()).isEmpty();
        assertThat(second.instance()).isEqualTo(first.instance());
    }

    @Test
    void onlyTheLatestStepsAreKept() {
        for (int i = 0; i < Journeys.CAPACITY + 10; i++) {
            journeys.record("tx-" + i, Milestone.DELIVERED, "");
        }
        JourneyPage page = journeys.after(0);
        assertThat(page.steps()).hasSize(Journeys.PAGE);
        assertThat(page.steps().get(0).txNo()).isEqualTo("tx-10");
    }

    @Test
    void aStepInsideATransactionShowsOnlyOnceItCommitted() {
        TransactionSynchronizationManager.initSynchronization();
        try {
            journeys.recordAfterCommit("tx-rolled-back", Milestone.CREDITED, "MESSAGE");
            journeys.recordAfterCommit("tx-committed", Milestone.CREDITED, "MESSAGE");
            assertThat(journeys.after(0).steps()).isEmpty();
            // The first transaction rolls back: its synchronization hears afterCompletion only.
            var registered = TransactionSynchronizationManager.getSynchronizations();
            registered.get(0).afterCompletion(TransactionSynchronization.STATUS_ROLLED_BACK);
            registered.get(1).afterCommit();
        } finally {
            TransactionSynchronizationManager.clearSynchronization();
        }
        assertThat(journeys.after(0).steps()).extracting(JourneyStep::txNo).containsExactly("tx-committed");
    }
}
