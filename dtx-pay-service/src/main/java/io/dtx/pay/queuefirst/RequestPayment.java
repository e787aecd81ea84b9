package io.dtx.pay.queuefirst;

import io.dtx.pay.outbox.OutboxMessages;
import io.dtx.pay.payment.LocalCommitHook;
import io.dtx.pay.payment.Payment;
import io.dtx.pay.payment.PaymentCommand;
import io.dtx.pay.payment.PaymentLedger;
import io.dtx.web.journey.Journeys;
import io.dtx.web.journey.Milestone;
import java.util.Optional;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Pays a consumed recharge request, exactly once however often it is delivered: in one local
 * transaction the request id is claimed first ({@code recharge_request}), then the payment row
 * and its message row ({@code mq_notify}) are written. A redelivery hits the claimed id; a crash
 * before the commit leaves nothing, and the broker delivers the request again.
 */
@Service
class RequestPayment {

    private static final Logger log = LoggerFactory.getLogger(RequestPayment.class);

    private final RequestTable requests;
    private final PaymentLedger ledger;
    private final OutboxMessages outbox;
    private final RequestPaymentHook beforeCommit;
    private final LocalCommitHook afterCommit;
    private final TransactionTemplate transaction;
    private final Journeys journeys;

    RequestPayment(
            RequestTable requests,
            PaymentLedger ledger,
            OutboxMessages outbox,
            RequestPaymentHook beforeCommit,
            LocalCommitHook afterCommit,
            PlatformTransactionManager transactions,
            Journeys journeys) {
        this.journeys = journeys;
        this.requests = requests;
        this.ledger = ledger;
        this.outbox = outbox;
        this.beforeCommit = beforeCommit;
        this.afterCommit = afterCommit;
        this.transaction = new TransactionTemplate(transactions);
        // As every transaction that writes account_pay: the feed's overlap window relies on 5 s.
        transaction.setTimeout(5);
    }

    /** Pays the request, or finds it decided before; a database error propagates (redelivery). */
    void pay(RechargeRequested request) {
        Optional<Paid> paid;
        try {
            paid = transaction.execute(status -> decide(request));
        } catch (DuplicateKeyException e) {
            if (requests.find(request.requestId()).isPresent()) {
                // Decided by an earlier delivery (or one running at this moment on another consumer).
                log.info("Recharge request {} decided before; nothing paid again", request.requestId());
                return;
            }
            if (request.idempotencyKey() != null
                    && ledger.findByIdempotencyKey(request.accountNo(), request.idempotencyKey())
                            .isPresent()) {
                // Its Idempotency-Key, taken by another request a moment ago. Delivered again,
                // this request then finds that payment and is decided by it.
                throw new IllegalStateException("Idempotency-Key taken by a concurrent request; retrying", e);
            }
            log.error("ALARM: unexpected duplicate key paying recharge request {}", request.requestId(), e);
            throw e;
        }
        paid.ifPresent(p -> {
            journeys.record(
                    p.txNo(),
                    Milestone.LOCAL_COMMIT,
                    "recharge request " + request.requestId() + " consumed: payment and mq_notify row");
            // The same seam as the outbox publisher's: the fault tests kill the process here, after
            // the commit and before the first send (and before the broker hears the request was consumed).
            afterCommit.afterLocalCommit(p.txNo(), request.accountNo());
            outbox.sendSoon(p.messageRow());
        });
    }

    /**
     * The last delivery failed too: the request is decided as rejected, so its client learns it
     * will not be paid. If it was decided meanwhile, that decision stands.
     */
    void giveUp(RechargeRequested request, String reason) {
        try {
            requests.claim(request.requestId(), "rejected", null, reason);
        } catch (DuplicateKeyException decidedMeanwhile) {
            log.info("Recharge request {} was decided meanwhile; that decision stands", request.requestId());
        }
    }

    /** A payment this delivery made: its txNo and its message row. */
    private record Paid(String txNo, long messageRow) {}

    /** In the transaction: the decision, and the new message row if a payment was made. */
    private Optional<Paid> decide(RechargeRequested request) {
        Optional<Payment> earlier = request.idempotencyKey() == null
                ? Optional.empty()
                : ledger.findByIdempotencyKey(request.accountNo(), request.idempotencyKey());
        if (earlier.isPresent()) {
            boolean same = request.requestHash().equals(earlier.get().getRequestHash());
            requests.claim(
                    request.requestId(),
                    same ? "paid" : "rejected",
                    same ? earlier.get().getTxNo() : null,
                    same ? null : "Idempotency-Key reused with another body");
            return Optional.empty();
        }
        PaymentCommand command = new PaymentCommand(
                UUID.randomUUID().toString(),
                request.accountNo(),
                request.amount(),
                request.idempotencyKey(),
                request.requestHash());
        requests.claim(request.requestId(), "paid", command.txNo(), null);
        ledger.recordSucceeded(command);
        long row = outbox.add(command);
        beforeCommit.beforeCommit(request.requestId(), request.accountNo());
        log.info(
                "Recharge request {} paid: {} to account {}",
                request.requestId(),
                request.amount(),
                request.accountNo());
        return Optional.of(new Paid(command.txNo(), row));
    }
}
