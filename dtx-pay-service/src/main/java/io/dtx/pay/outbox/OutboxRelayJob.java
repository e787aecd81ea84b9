package io.dtx.pay.outbox;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * The relay's schedule: every {@code interval} it sends what is due, batch after batch while
 * batches come back full (a failure ends the round: the broker may be down). Off with
 * {@code dtx.pay.outbox.relay-enabled=false}.
 */
@Component
@ConditionalOnProperty(name = "dtx.pay.outbox.relay-enabled", havingValue = "true", matchIfMissing = true)
class OutboxRelayJob {

    private static final Logger log = LoggerFactory.getLogger(OutboxRelayJob.class);
    /** Full batches one round may send before it lets the other jobs run. */
    private static final int MAX_BATCHES_PER_ROUND = 20;

    private final OutboxRelay relay;
    private final OutboxSettings settings;

    OutboxRelayJob(OutboxRelay relay, OutboxSettings settings) {
        this.relay = relay;
        this.settings = settings;
    }

    @Scheduled(
            initialDelayString = "${dtx.pay.outbox.interval:PT1S}",
            fixedDelayString = "${dtx.pay.outbox.interval:PT1S}")
    void relay() {
        try {
            for (int i = 0; i < MAX_BATCHES_PER_ROUND && relay.relayDue() == settings.batch(); i++) {
                // a full batch: more may be due
            }
        } catch (RuntimeException e) {
            // Nothing is lost: a row whose transaction failed is still init and due.
            log.warn("Relay round failed: {}", e.getMessage());
        }
    }
}
