package io.dtx.pay.outbox;

import java.util.function.IntSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Retires finished rows past their retention (the valid flag {@code yn} cleared), and removes
 * retired rows {@code purge-after} later. Only finished rows, never a pending or given-up one;
 * in bounded batches, so cleanup never holds the table for long.
 */
@Component
class OutboxCleanup {

    private static final Logger log = LoggerFactory.getLogger(OutboxCleanup.class);
    private static final int CLEANUP_BATCH = 500;

    private final OutboxTable table;
    private final OutboxSettings settings;
    private final TransactionTemplate transaction;

    OutboxCleanup(OutboxTable table, OutboxSettings settings, PlatformTransactionManager transactions) {
        this.table = table;
        this.settings = settings;
        this.transaction = new TransactionTemplate(transactions);
        // No next-key locks on the cleanup index, where the relay's 'finish' moves rows.
        transaction.setIsolationLevel(TransactionDefinition.ISOLATION_READ_COMMITTED);
    }

    @Scheduled(
            initialDelayString = "${dtx.pay.outbox.cleanup-interval:PT1M}",
            fixedDelayString = "${dtx.pay.outbox.cleanup-interval:PT1M}")
    void cleanup() {
        try {
            int retired = inBatches(() -> table.retire(settings.retention(), CLEANUP_BATCH));
            // Retiring stamped update_time: a row is removed purge-after once it was retired.
            int removed = inBatches(() -> table.purge(settings.purgeAfter(), CLEANUP_BATCH));
            if (retired + removed > 0) {
                log.info("Outbox cleanup: {} finished row(s) retired, {} removed", retired, removed);
            }
        } catch (RuntimeException e) {
            log.warn("Outbox cleanup failed: {}", e.getMessage());
        }
    }

    /** Each batch its own short transaction. */
    private int inBatches(IntSupplier batch) {
        int total = 0;
        int done;
        do {
            done = transaction.execute(status -> batch.getAsInt());
            total += done;
        } while (done == CLEANUP_BATCH);
        return total;
    }
}
