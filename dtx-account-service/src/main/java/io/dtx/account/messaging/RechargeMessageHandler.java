package io.dtx.account.messaging;

import io.dtx.account.credit.AppliedBy;
import io.dtx.account.suspense.Suspense;
import io.dtx.contract.MessageSigning;
import io.dtx.contract.RechargeSucceeded;
import io.dtx.web.journey.Journeys;
import io.dtx.web.journey.Milestone;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import org.apache.rocketmq.common.message.MessageExt;
import org.slf4j.MDC;
import org.springframework.stereotype.Component;

/**
 * What happens to one delivered message, whichever listener got it: its signature and body are
 * checked ({@link RechargeMessageReader}); a poison one is set aside in {@code poison_message}
 * for a person; a real payment is credited, or held in suspense if its account does not exist (yet).
 */
@Component
class RechargeMessageHandler {

    private final RechargeMessageReader reader;
    private final PoisonMessages poison;
    private final Suspense suspense;
    private final Journeys journeys;

    RechargeMessageHandler(RechargeMessageReader reader, PoisonMessages poison, Suspense suspense, Journeys journeys) {
        this.reader = reader;
        this.poison = poison;
        this.suspense = suspense;
        this.journeys = journeys;
    }

    void recordDelivery(MessageExt message) {
        journeys.record(message.getKeys(), Milestone.DELIVERED, "delivery " + (message.getReconsumeTimes() + 1));
    }

    /** Read, then credited or held; a poison message is set aside and acknowledged. Throws if the database fails. */
    void handle(MessageExt message) {
        readOrSetAside(message).ifPresent(payment -> credit(message, payment));
    }

    /** The payment the pay side signed; empty (and set aside) if the message is poison. */
    Optional<RechargeSucceeded> readOrSetAside(MessageExt message) {
        try {
            return Optional.of(read(message));
        } catch (RechargeMessageReader.PoisonException e) {
            poison.record(
                    message.getKeys(),
                    message.getMsgId(),
                    e.getMessage(),
                    new String(message.getBody(), StandardCharsets.UTF_8));
            return Optional.empty();
        }
    }

    /** The payment the pay side signed; empty if the message is poison (nothing recorded). */
    Optional<RechargeSucceeded> readQuietly(MessageExt message) {
        try {
            return Optional.of(read(message));
        } catch (RechargeMessageReader.PoisonException e) {
            return Optional.empty();
        }
    }

    /** Credited, or held in suspense if its account does not exist (yet). Throws if the database fails. */
    void credit(MessageExt message, RechargeSucceeded payment) {
        MDC.put("txNo", message.getKeys());
        try {
            suspense.creditOrHold(payment, AppliedBy.MESSAGE);
        } finally {
            MDC.remove("txNo");
        }
    }

    private RechargeSucceeded read(MessageExt message) {
        return reader.read(
                message.getBody(),
                message.getUserProperty(MessageSigning.KEY_ID_PROPERTY),
                message.getUserProperty(MessageSigning.SIGNATURE_PROPERTY));
    }
}
