package io.dtx.account.credit;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Removes dedup rows paid more than the retention ago, when one is set ({@link DedupRetention}):
 * raises the horizon (at most once an hour), then removes below it in bounded batches, each its own
 * short statement. Only through the database's procedures (sql/bank1.sql).
 */
@Component
class DedupCleanup {

    private static final Logger log = LoggerFactory.getLogger(DedupCleanup.class);
    private static final int BATCH = 500;

    private final DedupMapper dedup;
    private final DedupRetention retention;
    private final Counter removed;
    private final Counter failures;

    DedupCleanup(DedupMapper dedup, DedupRetention retention, MeterRegistry metrics) {
        this.dedup = dedup;
        this.retention = retention;
        this.removed = Counter.builder("dtx.account.dedup.removed")
                .description("Dedup rows removed after their retention")
                .register(metrics);
        this.failures = Counter.builder("dtx.account.dedup.cleanup.failures")
                .description("Dedup cleanups that failed: the table grows until one succeeds")
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
            // The horizon first, committed on its own: from here on no claim of a payment paid before it
            // is taken, so no row removed below can be claimed again. Moved at most once an hour: moving
            // it waits for every credit in flight, and credits arriving meanwhile wait behind it.
            long micros = age.toNanos() / 1_000;
            if (Boolean.TRUE.equals(dedup.horizonLagsBy(micros))) {
                dedup.raiseHorizon(micros);
            }
            long total = 0;
            int batch;
            do {
                batch = dedup.removeBeforeHorizon(BATCH);
                total += batch;
            } while (batch == BATCH);
            if (total > 0) {
                removed.increment(total);
                log.info("Dedup retention: {} row(s) paid before {} removed", total, dedup.horizon());
            }
        } catch (RuntimeException e) {
            failures.increment();
            log.error("ALARM: dedup cleanup failed, the table is not kept bounded: {}", e.getMessage());
        }
    }
}
