package io.dtx.web.journey;

import java.time.Clock;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * The last few thousand journey steps this process saw, in memory, for the learners' console.
 *
 * <p>Memory, not a table: the console shows what happens now, and the durable facts (the payment
 * row, the dedup row, the notification log) stay where they are, behind each service's own API.
 * A crash forgets this process's steps, which is what a learner should see happen; the steps of
 * the restarted process carry the journey on. Nothing here decides anything about money.
 */
public class Journeys {

    static final int CAPACITY = 5_000;
    static final int PAGE = 1_000;
    static final int DETAIL = 200;
    /** As long as a txNo column ({@code tx_no VARCHAR(64)}). */
    static final int KEY = 64;

    private final String service;
    private final String instance = UUID.randomUUID().toString();
    private final Clock clock;
    private final ArrayDeque<JourneyStep> steps = new ArrayDeque<>();
    private long seq;

    public Journeys(String service, Clock clock) {
        this.service = service;
        this.clock = clock;
    }

    /** Records the step now. */
    public void record(String txNo, Milestone milestone, String detail) {
        if (txNo == null || txNo.isBlank()) {
            return;
        }
        synchronized (steps) {
            steps.addLast(
                    new JourneyStep(++seq, clock.instant(), key(txNo), milestone, milestone.label(), cut(detail)));
            if (steps.size() > CAPACITY) {
                steps.removeFirst();
            }
        }
    }

    /**
     * Records the step once the surrounding transaction committed, and not at all if it rolls
     * back: a credit the database undid must not show as one. Outside a transaction, now.
     */
    public void recordAfterCommit(String txNo, Milestone milestone, String detail) {
        if (!TransactionSynchronizationManager.isSynchronizationActive()) {
            record(txNo, milestone, detail);
            return;
        }
        TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
            @Override
            public void afterCommit() {
                record(txNo, milestone, detail);
            }
        });
    }

    /** A forged key may be of any length: every service cuts it alike, so one payment stays one journey. */
    private static String key(String txNo) {
        return txNo.length() <= KEY ? txNo : txNo.substring(0, KEY);
    }

    /** A reply body or an error may be long: the page shows a line. */
    private static String cut(String detail) {
        if (detail == null) {
            return "";
        }
        return detail.length() <= DETAIL ? detail : detail.substring(0, DETAIL) + "...";
    }

    /** Up to a page of the steps numbered after {@code after}, oldest first. */
    public JourneyPage after(long after) {
        List<JourneyStep> page = new ArrayList<>();
        long last;
        synchronized (steps) {
            for (JourneyStep step : steps) {
                if (step.seq() > after && page.size() < PAGE) {
                    page.add(step);
                }
            }
            last = page.isEmpty() ? seq : page.get(page.size() - 1).seq();
        }
        return new JourneyPage(service, instance, last, page);
    }
}
