package io.dtx.account.messaging;

import io.dtx.web.journey.Journeys;
import io.dtx.web.journey.Milestone;
import io.micrometer.core.instrument.MeterRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Sets aside what can never be applied (an unreadable body, an unknown account) so the broker
 * stops redelivering it and a person can look at it. Public because the reconciliation job uses
 * it too.
 */
@Service
public class PoisonMessages {

    private static final Logger log = LoggerFactory.getLogger(PoisonMessages.class);
    private static final int MAX_BODY = 4000;

    private final PoisonMessageMapper poison;
    private final MeterRegistry metrics;
    private final Journeys journeys;

    PoisonMessages(PoisonMessageMapper poison, MeterRegistry metrics, Journeys journeys) {
        this.poison = poison;
        this.metrics = metrics;
        this.journeys = journeys;
    }

    /**
     * In its own transaction: the record must stay even when the caller's work rolled back. Logged
     * and counted once per message, however often the same one comes back.
     *
     * @return true if this is the first record of that message
     */
    @Transactional(propagation = Propagation.REQUIRES_NEW)
    public boolean record(String txNo, String msgId, String reason, String body) {
        // Whatever a message carried is kept, cut to the columns: a forged key of any length must
        // not make the record itself fail (the message would then be redelivered forever).
        if (poison.record(cut(txNo, 64), cut(msgId, 128), cut(reason, 255), cut(body, MAX_BODY)) == 0) {
            return false;
        }
        log.error("Poison message set aside for a person (msgId={}): {}", msgId, reason);
        metrics.counter("dtx.account.poison").increment();
        journeys.recordAfterCommit(cut(txNo, 64), Milestone.POISON, reason);
        if (reason.startsWith(RechargeMessageReader.UNAUTHENTICATED)) {
            metrics.counter("dtx.account.unauthenticated").increment();
        }
        return true;
    }

    private static String cut(String text, int max) {
        return text == null || text.length() <= max ? text : text.substring(0, max);
    }
}
