package io.dtx.pay.binlog;

import io.dtx.pay.payment.LocalCommitHook;
import io.dtx.pay.payment.PaymentCommand;
import io.dtx.pay.payment.PaymentLedger;
import io.dtx.pay.payment.PaymentPublisher;
import io.dtx.pay.payment.PaymentTransaction;
import io.dtx.web.journey.Journeys;
import io.dtx.web.journey.Milestone;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.stereotype.Component;

/**
 * {@code dtx.pay.publisher=binlog}: the source articles' third way, where the application does
 * nothing for messaging at all. The payment row commits alone; the binlog relay
 * ({@code dtx-binlog-relay}) reads it from the server's binary log, where only committed rows
 * appear, and publishes it. Payments go on while the broker is down, as with the outbox, and no
 * table is written for the message.
 */
@Component
@ConditionalOnProperty(name = "dtx.pay.publisher", havingValue = "binlog")
class PaymentRowOnlyPublisher implements PaymentPublisher {

    private static final Logger log = LoggerFactory.getLogger(PaymentRowOnlyPublisher.class);

    private final PaymentLedger ledger;
    private final LocalCommitHook afterCommit;
    private final PaymentTransaction transaction;
    private final Journeys journeys;

    PaymentRowOnlyPublisher(
            PaymentLedger ledger, LocalCommitHook afterCommit, PaymentTransaction transaction, Journeys journeys) {
        this.ledger = ledger;
        this.afterCommit = afterCommit;
        this.transaction = transaction;
        this.journeys = journeys;
    }

    @Override
    public boolean publish(PaymentCommand command) {
        boolean committed = transaction
                .commit(() -> {
                    ledger.recordSucceeded(command);
                    return Boolean.TRUE;
                })
                .isPresent();
        if (!committed) {
            return false;
        }
        journeys.record(command.txNo(), Milestone.LOCAL_COMMIT, "payment row only: the binlog relay publishes it");
        try {
            afterCommit.afterLocalCommit(command.txNo(), command.accountNo());
        } catch (RuntimeException e) {
            // The payment committed whatever a hook does; the relay publishes it from the binlog.
            log.warn("After-commit hook failed ({}); the binlog relay publishes the payment", e.getMessage());
        }
        return true;
    }
}
