package io.dtx.notifier.schedule;

import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Turns a schedule into instants: scaled ({@code timeScale} 1/3600 runs an hour in a second, for
 * the demo and the tests; 1 in production) and jittered (each wait moved by up to
 * {@code jitter} of itself, so receivers that failed together are not retried in lock step).
 *
 * @param timeScale how much of each wait is really waited; 1 means as written
 * @param jitter    0 for none; 0.1 moves each attempt by up to 10 % of the wait before it
 */
public record Timing(double timeScale, double jitter) {

    public Timing {
        if (!(timeScale > 0 && timeScale <= 1)) {
            throw new IllegalArgumentException("dtx.notifier.time-scale must be in (0, 1], not " + timeScale);
        }
        if (!(jitter >= 0 && jitter < 1)) {
            throw new IllegalArgumentException("dtx.notifier.jitter must be in [0, 1), not " + jitter);
        }
    }

    /** When attempt {@code n} of a notification that started at {@code start} is due. */
    public Instant dueAt(Schedule schedule, Instant start, int attempt) {
        Instant planned = start.plus(scaled(schedule.offsetOf(attempt)));
        if (attempt == 1 || jitter == 0) {
            return planned;
        }
        long spread = (long) (scaled(schedule.intervalBefore(attempt)).toNanos() * jitter);
        return spread == 0
                ? planned
                : planned.plusNanos(ThreadLocalRandom.current().nextLong(-spread, spread + 1));
    }

    /** When attempt {@code n} is due by the plan alone (no jitter): what the delivery log compares with. */
    public Instant plannedAt(Schedule schedule, Instant start, int attempt) {
        return start.plus(scaled(schedule.offsetOf(attempt)));
    }

    public Duration scaled(Duration wait) {
        return timeScale == 1 ? wait : Duration.ofNanos((long) (wait.toNanos() * timeScale));
    }
}
