package io.dtx.pay.checkback;

import io.dtx.contract.RechargeSucceeded;
import io.dtx.pay.payment.PaymentLedger;
import io.dtx.pay.payment.PaymentLedger.Fate;
import io.dtx.web.journey.Journeys;
import io.dtx.web.journey.Milestone;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Supplier;
import org.apache.rocketmq.spring.core.RocketMQLocalTransactionState;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;
import org.springframework.stereotype.Component;

/**
 * The broker's check-back: a half message whose producer went silent (crashed between its local
 * commit and COMMIT, or the answer was lost) is asked about again, perhaps on another instance
 * after a restart. The answer comes from the database through {@link PaymentLedger#settle},
 * never from memory, so it survives any crash: COMMIT if the payment row says success, ROLLBACK
 * if it was never taken (a tombstone makes sure it never will be).
 *
 * <p>Only a half message this side signed may lead to a write. Anyone who can send a
 * transactional message under the producer group makes the broker ask; such a message is
 * answered by looking only: COMMIT if a payment of exactly its figures exists (a message of ours,
 * signed with a key since rotated out; the consumer checks the signature anyway), else ROLLBACK.
 */
@Component
public class CheckBack {

    private static final Logger log = LoggerFactory.getLogger(CheckBack.class);

    private final PaymentLedger ledger;
    private final MeterRegistry metrics;
    private final Journeys journeys;

    CheckBack(PaymentLedger ledger, MeterRegistry metrics, Journeys journeys) {
        this.ledger = ledger;
        this.metrics = metrics;
        this.journeys = journeys;
    }

    /**
     * @param txNo  the message's key, for the logs
     * @param claim what the half message claims, read only here so that a failure to read is
     *              answered like any other; empty if it is no possible payment at all
     * @return COMMIT or ROLLBACK when the database answered; UNKNOWN when it could not be asked
     */
    public RocketMQLocalTransactionState answer(String txNo, Supplier<Optional<HalfMessageClaim>> claim) {
        RocketMQLocalTransactionState answer = RocketMQLocalTransactionState.UNKNOWN;
        String kind = "unknown";
        MDC.put("txNo", txNo);
        try {
            Optional<HalfMessageClaim> claimed = claim.get();
            boolean signed = claimed.isPresent() && claimed.get().signedByUs();
            answer = signed ? settle(claimed.get().payment()) : lookOnly(claimed);
            kind = answer.name().toLowerCase(Locale.ROOT) + (signed ? "" : "_unsigned");
            log.info("Check-back for a silent half message: {}", kind);
        } catch (RuntimeException e) {
            // The database is unreachable: the one case where no definite answer exists yet.
            // The broker asks again at its next check interval.
            log.warn("Check-back could not reach the database, answering UNKNOWN", e);
        } finally {
            metrics.counter("dtx.pay.checkback", "answer", kind).increment();
            journeys.record(txNo, Milestone.CHECK_BACK, "answered " + kind.toUpperCase(Locale.ROOT));
            MDC.remove("txNo");
        }
        return answer;
    }

    private RocketMQLocalTransactionState settle(RechargeSucceeded payment) {
        Fate fate = ledger.settle(payment.txNo(), payment.accountNo(), payment.amount());
        return fate == Fate.COMMITTED ? RocketMQLocalTransactionState.COMMIT : RocketMQLocalTransactionState.ROLLBACK;
    }

    /** A half message this side did not sign, or no payment at all: look, never write. */
    private RocketMQLocalTransactionState lookOnly(Optional<HalfMessageClaim> claimed) {
        boolean paid = claimed.map(HalfMessageClaim::payment)
                .flatMap(p -> ledger.find(p.txNo()).filter(row -> PaymentLedger.isPaid(row, p.accountNo(), p.amount())))
                .isPresent();
        if (!paid) {
            log.warn("Check-back for a half message this side did not sign: rolled back, nothing written");
        }
        return paid ? RocketMQLocalTransactionState.COMMIT : RocketMQLocalTransactionState.ROLLBACK;
    }
}
