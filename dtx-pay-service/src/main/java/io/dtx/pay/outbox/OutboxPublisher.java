package io.dtx.pay.outbox;

import io.dtx.pay.payment.LocalCommitHook;
import io.dtx.pay.payment.PaymentCommand;
import io.dtx.pay.payment.PaymentLedger;
import io.dtx.pay.payment.PaymentPublisher;
import io.dtx.pay.payment.PaymentTransaction;
import io.dtx.web.journey.Journeys;
import io.dtx.web.journey.Milestone;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.stereotype.Component;

/**
 * Publishes a payment through the local message table ({@code dtx.pay.publisher=outbox}): the
 * payment row and its {@code mq_notify} row commit in one local transaction, then one send is
 * tried at once, off the request thread ({@link OutboxMessages#sendSoon}); whatever did not go out,
 * the relay sends once the row's grace is over. Unlike the
 * half message, this keeps taking payments while the broker is down.
 */
@Component
@ConditionalOnProperty(name = "dtx.pay.publisher", havingValue = "outbox")
class OutboxPublisher implements PaymentPublisher {

    private static final Logger log = LoggerFactory.getLogger(OutboxPublisher.class);

    private final PaymentLedger ledger;
    private final OutboxMessages messages;
    private final LocalCommitHook afterCommit;
    private final PaymentTransaction transaction;
    private final Journeys journeys;

    OutboxPublisher(
            PaymentLedger ledger,
            OutboxMessages messages,
            LocalCommitHook afterCommit,
            PaymentTransaction transaction,
            Journeys journeys,
            @Value("${dtx.pay.outbox.relay-enabled:true}") boolean relayEnabled) {
        if (!relayEnabled) {
            throw new IllegalStateException("dtx.pay.publisher=outbox needs the relay: a failed first send would"
                    + " never be retried. Set dtx.pay.outbox.relay-enabled=true (PAY_OUTBOX_RELAY_ENABLED).");
        }
        this.ledger = ledger;
        this.messages = messages;
        this.afterCommit = afterCommit;
        this.transaction = transaction;
        this.journeys = journeys;
    }

    @Override
    public boolean publish(PaymentCommand command) {
        Optional<Long> committed = transaction.commit(() -> {
            ledger.recordSucceeded(command);
            return messages.add(command);
        });
        if (committed.isEmpty()) {
            return false;
        }
        long id = committed.get();
        journeys.record(command.txNo(), Milestone.LOCAL_COMMIT, "payment row and mq_notify row");
        try {
            afterCommit.afterLocalCommit(command.txNo(), command.accountNo());
        } catch (RuntimeException e) {
            // The payment committed whatever a hook does (the fault tests' hook throws to act as a
            // crash at this moment): the answer stays "taken", and the relay sends the row.
            log.warn("After-commit hook failed ({}); the relay will send the message", e.getMessage());
            return true;
        }
        messages.sendSoon(id);
        return true;
    }
}
