package io.dtx.pay.lab;

import io.dtx.pay.payment.LocalCommitHook;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Profile;
import org.springframework.stereotype.Component;

/**
 * Fault injection for the demo and the fault campaign, never in production or the benchmark: on
 * only with the {@code lab} profile and {@code dtx.lab.pause-after-commit-file} set. While that
 * file exists, a payment pauses right after its local commit, before the broker hears COMMIT. The
 * walkthrough then kills the process for real (SIGKILL) inside that window, leaving a half message
 * only the broker's check-back can settle. A marker file beside the trigger
 * ({@code <trigger>.paused}, holding the txNo) tells it that a payment is in the window.
 */
@Component
@Profile("lab")
@ConditionalOnProperty(name = "dtx.lab.pause-after-commit-file")
class PauseAfterCommitHook implements LocalCommitHook {

    private static final Logger log = LoggerFactory.getLogger(PauseAfterCommitHook.class);
    private static final long MAX_PAUSE_MILLIS = 120_000;

    private final Path trigger;
    private final Path pausedMarker;

    PauseAfterCommitHook(@Value("${dtx.lab.pause-after-commit-file}") String trigger) {
        this.trigger = Path.of(trigger);
        this.pausedMarker = Path.of(trigger + ".paused");
        log.warn("LAB: pause-after-commit fault seam is on (trigger file {})", trigger);
    }

    @Override
    public void afterLocalCommit(String txNo, String accountNo) {
        if (!Files.exists(trigger)) {
            return;
        }
        log.warn("FAULT INJECTION: payment committed locally, pausing before COMMIT reaches the broker");
        try {
            Files.writeString(pausedMarker, txNo);
        } catch (IOException e) {
            log.warn("Could not write {}: {}", pausedMarker, e.getMessage());
        }
        long deadline = System.currentTimeMillis() + MAX_PAUSE_MILLIS;
        while (Files.exists(trigger) && System.currentTimeMillis() < deadline) {
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }
}
