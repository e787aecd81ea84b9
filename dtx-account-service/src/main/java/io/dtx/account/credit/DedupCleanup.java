package io.dtx.account.credit;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Removes dedup rows paid more than the retention ago, when one is set ({@link DedupRetention}),
 * in bounded batches: each DELETE its own short statement, so a credit never waits long behind it.
 */
@Component
class DedupCleanup {

    private static final Logger log = LoggerFactory.getLogger(DedupCleanup.class);
    private static final int BATCH = 500;

    private final DedupMapper dedup;
    private final DedupRetention retention;
    private final Counter removed;

    DedupCleanup(DedupMapper dedup, DedupRetention retention, MeterRegistry metrics) {
        this.dedup = dedup;
        this.retention = retention;
        this.removed = Counter.builder("dtx.account.dedup.removed")
                .description("Dedup rows removed after their retention")
                .register(metrics);
    }

    @Scheduled(
            initialDelayString = "${dtx.account.dedup.cleanup-interval:PT1M}",
            fixedDelayString = "${dtx.account.dedup.cleanup-interval:PT1M}")
    void cleanup() {
        retention.retention().ifPresent(this::removeOlderThan);
    }

    private void removeOlderThan(Duration age) {
        try {
            long total = 0;
            int batch;
            do {
                batch = dedup.removePaidBefore(age.toNanos() / 1_000, BATCH);
                total += batch;
            } while (batch == BATCH);
            if (total > 0) {
                removed.increment(total);
                log.info("Dedup retention: {} row(s) paid more than {} ago removed", total, age);
            }
        } catch (RuntimeException e) {
            log.warn("Dedup cleanup failed: {}", e.getMessage());
        }
    }
}
