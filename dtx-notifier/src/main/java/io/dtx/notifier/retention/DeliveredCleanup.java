package io.dtx.notifier.retention;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Removes delivered notifications past their retention, with their attempts, in bounded batches
 * (each its own short transaction), so the cleanup never holds the table for long. Several
 * notifier instances may run it at once: each locks its own batch and skips the others'.
 */
@Component
class DeliveredCleanup {

    private static final Logger log = LoggerFactory.getLogger(DeliveredCleanup.class);
    private static final int BATCH = 500;

    private final ExpiredNotifications expired;
    private final RetentionSettings settings;
    private final TransactionTemplate transaction;
    private final Counter removed;

    DeliveredCleanup(
            ExpiredNotifications expired,
            RetentionSettings settings,
            PlatformTransactionManager transactions,
            MeterRegistry metrics) {
        this.expired = expired;
        this.settings = settings;
        this.transaction = new TransactionTemplate(transactions);
        // No next-key locks on the delivered index, where the dispatcher moves rows.
        transaction.setIsolationLevel(TransactionDefinition.ISOLATION_READ_COMMITTED);
        this.removed = Counter.builder("dtx.notifier.retention.removed")
                .description("Delivered notifications removed after their retention")
                .register(metrics);
    }

    @Scheduled(
            initialDelayString = "${dtx.notifier.retention.interval:PT1M}",
            fixedDelayString = "${dtx.notifier.retention.interval:PT1M}")
    void cleanup() {
        try {
            int notifications = 0;
            int attempts = 0;
            int batch;
            do {
                int[] done = transaction.execute(status -> removeBatch());
                batch = done[0];
                notifications += batch;
                attempts += done[1];
            } while (batch == BATCH);
            if (notifications > 0) {
                removed.increment(notifications);
                log.info("Retention: {} delivered notification(s) and {} attempt(s) removed", notifications, attempts);
            }
        } catch (RuntimeException e) {
            log.warn("Retention cleanup failed: {}", e.getMessage());
        }
    }

    private int[] removeBatch() {
        List<Long> ids = expired.lockDeliveredBefore(settings.delivered(), BATCH);
        return new int[] {ids.size(), expired.remove(ids)};
    }
}
