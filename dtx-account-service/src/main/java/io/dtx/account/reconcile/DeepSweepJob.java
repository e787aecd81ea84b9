package io.dtx.account.reconcile;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/** Runs the deep sweep on a fixed delay; {@code dtx.account.sweep.enabled=false} turns it off. */
@Component
@ConditionalOnProperty(name = "dtx.account.sweep.enabled", havingValue = "true", matchIfMissing = true)
class DeepSweepJob {

    private static final Logger log = LoggerFactory.getLogger(DeepSweepJob.class);

    private final DeepSweep sweep;

    DeepSweepJob(DeepSweep sweep) {
        this.sweep = sweep;
    }

    @Scheduled(
            initialDelayString = "${dtx.account.sweep.initial-delay:PT1M}",
            fixedDelayString = "${dtx.account.sweep.interval:PT10M}")
    void run() {
        try {
            sweep.sweepRecent();
        } catch (RuntimeException e) {
            // Nothing is lost by skipping a sweep: the next one compares the same range again.
            log.warn("Deep sweep failed: {}", e.getMessage());
        }
    }
}
