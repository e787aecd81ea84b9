package io.dtx.account.reconcile;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/** Runs reconciliation on a fixed delay; {@code dtx.account.reconcile.enabled=false} turns it off. */
@Component
@ConditionalOnProperty(name = "dtx.account.reconcile.enabled", havingValue = "true", matchIfMissing = true)
class ReconciliationJob {

    private static final Logger log = LoggerFactory.getLogger(ReconciliationJob.class);

    private final ReconciliationService reconciliation;

    ReconciliationJob(ReconciliationService reconciliation) {
        this.reconciliation = reconciliation;
    }

    @Scheduled(
            initialDelayString = "${dtx.account.reconcile.initial-delay:PT10S}",
            fixedDelayString = "${dtx.account.reconcile.interval:PT10S}")
    void run() {
        try {
            reconciliation.runOnce();
        } catch (RuntimeException e) {
            // The next run starts from the saved cursor; nothing is lost by skipping this one.
            log.warn("Reconciliation run failed: {}", e.getMessage());
        }
    }
}
