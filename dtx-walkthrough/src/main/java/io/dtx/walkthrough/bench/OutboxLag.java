package io.dtx.walkthrough.bench;

import io.dtx.walkthrough.probe.Databases;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * The outbox lag while the outbox publisher is under load: every 100 ms, the age of the oldest
 * row of {@code mq_notify} the broker has not acknowledged yet (zero when none), read from the
 * database by the administrator.
 */
final class OutboxLag implements AutoCloseable {

    private static final String OLDEST_PENDING = """
            SELECT COALESCE(TIMESTAMPDIFF(MICROSECOND, MIN(create_time), UTC_TIMESTAMP(3)), 0)
            FROM bank1_pay.mq_notify WHERE status = 'init'""";

    private final List<Long> micros = Collections.synchronizedList(new ArrayList<>());
    private final ScheduledExecutorService sampler = Executors.newSingleThreadScheduledExecutor();

    OutboxLag(Databases db) {
        sampler.scheduleAtFixedRate(
                () -> micros.add(db.scalar("bank1_pay", OLDEST_PENDING, Long.class)), 0, 100, TimeUnit.MILLISECONDS);
    }

    /** Stops sampling; the samples in microseconds, sorted. */
    List<Long> samples() {
        close();
        synchronized (micros) {
            return micros.stream().sorted().toList();
        }
    }

    @Override
    public void close() {
        sampler.shutdownNow();
        try {
            sampler.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
