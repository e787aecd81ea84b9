package io.dtx.account.suspense;

import io.micrometer.core.instrument.MeterRegistry;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Retries held payments and unconfirmed returns on a fixed delay, and keeps the
 * {@code dtx_account_suspense_held} gauge current; {@code dtx.account.suspense.enabled=false}
 * turns it off.
 */
@Component
@ConditionalOnProperty(name = "dtx.account.suspense.enabled", havingValue = "true", matchIfMissing = true)
class SuspenseJob {

    private static final Logger log = LoggerFactory.getLogger(SuspenseJob.class);

    private final Suspense suspense;
    private final AtomicLong held = new AtomicLong();

    SuspenseJob(Suspense suspense, MeterRegistry metrics) {
        this.suspense = suspense;
        metrics.gauge("dtx.account.suspense.held", held);
    }

    @Scheduled(
            initialDelayString = "${dtx.account.suspense.initial-delay:PT10S}",
            fixedDelayString = "${dtx.account.suspense.interval:PT10S}")
    void run() {
        try {
            int credited = suspense.retryHeld();
            if (credited > 0) {
                log.info("Credited {} payment(s) held in suspense: their accounts exist now", credited);
            }
            suspense.finishReturns();
            held.set(suspense.countHeld());
        } catch (RuntimeException e) {
            // Held payments stay held; the next run tries them again.
            log.warn("Suspense run failed: {}", e.getMessage());
        }
    }
}
