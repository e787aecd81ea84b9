package io.dtx.pay.lab;

import io.dtx.pay.outbox.OutboxSendHook;
import io.dtx.pay.payment.LocalCommitHook;
import io.dtx.pay.queuefirst.RequestPaymentHook;
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
 * Fault injection for the demo, the fault campaign and the kill tests, never in production or the
 * benchmark: on only with the {@code lab} profile and {@code dtx.lab.pause-file} set. While that
 * trigger file exists, the pay service holds still at the moment the file names, so that the
 * walkthrough can kill the process for real (SIGKILL) right there:
 * <ul>
 *   <li>{@code after-local-commit}: a payment is committed, the broker has not heard COMMIT (half
 *       message) or the message was not sent yet (outbox);</li>
 *   <li>{@code after-send}: the broker acknowledged an outbox row's message, the row is not
 *       {@code finish}ed yet;</li>
 *   <li>{@code before-request-commit}: a queue-first request's payment is written, not committed.</li>
 * </ul>
 * A marker beside the trigger ({@code <trigger>.paused}) holds the txNo or request id in the window.
 */
@Component
@Profile("lab")
@ConditionalOnProperty(name = "dtx.lab.pause-file")
class LabPauses implements LocalCommitHook, OutboxSendHook, RequestPaymentHook {

    private static final Logger log = LoggerFactory.getLogger(LabPauses.class);
    private static final long MAX_PAUSE_MILLIS = 120_000;

    private final Path trigger;
    private final Path pausedMarker;

    LabPauses(@Value("${dtx.lab.pause-file}") String trigger) {
        this.trigger = Path.of(trigger);
        this.pausedMarker = Path.of(trigger + ".paused");
        log.warn("LAB: pause fault seams are on (trigger file {})", trigger);
    }

    @Override
    public void afterLocalCommit(String txNo, String accountNo) {
        pauseIfAskedFor("after-local-commit", txNo);
    }

    @Override
    public void afterSend(String txNo) {
        pauseIfAskedFor("after-send", txNo);
    }

    @Override
    public void beforeCommit(String requestId, String accountNo) {
        pauseIfAskedFor("before-request-commit", requestId);
    }

    private void pauseIfAskedFor(String moment, String id) {
        // Every payment passes here in the lab: a missing trigger is the common case, and cheap.
        if (!Files.exists(trigger) || !moment.equals(read(trigger))) {
            return;
        }
        log.warn("FAULT INJECTION: pausing {} of {}", moment, id);
        try {
            Files.writeString(pausedMarker, id);
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

    private static String read(Path file) {
        try {
            return Files.readString(file).strip();
        } catch (IOException absent) {
            return "";
        }
    }
}
