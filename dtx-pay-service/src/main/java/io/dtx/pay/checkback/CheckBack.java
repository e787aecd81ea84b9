package io.dtx.pay.checkback;

import io.dtx.contract.RechargeSucceeded;
import io.dtx.pay.payment.PaymentLedger;
import io.dtx.pay.payment.PaymentLedger.Fate;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.Locale;
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
 */
@Component
public class CheckBack {

    private static final Logger log = LoggerFactory.getLogger(CheckBack.class);

    private final PaymentLedger ledger;
    private final MeterRegistry metrics;

    CheckBack(PaymentLedger ledger, MeterRegistry metrics) {
        this.ledger = ledger;
        this.metrics = metrics;
    }

    /**
     * @param txNo    the message's key, for the logs
     * @param message the half message's body, read only here so a body that cannot be read is
     *                answered like any other failure
     * @return COMMIT or ROLLBACK when the database answered; UNKNOWN when it could not be asked
     */
    public RocketMQLocalTransactionState answer(String txNo, Supplier<RechargeSucceeded> message) {
        RocketMQLocalTransactionState answer = RocketMQLocalTransactionState.UNKNOWN;
        MDC.put("txNo", txNo);
        try {
            RechargeSucceeded event = message.get();
            Fate fate = ledger.settle(event.txNo(), event.accountNo(), event.amount());
            answer = fate == Fate.COMMITTED
                    ? RocketMQLocalTransactionState.COMMIT
                    : RocketMQLocalTransactionState.ROLLBACK;
            log.info("Check-back for a silent half message: {}", answer);
        } catch (RuntimeException e) {
            // The database is unreachable: the one case where no definite answer exists yet.
            // The broker asks again at its next check interval.
            log.warn("Check-back could not reach the database, answering UNKNOWN", e);
        } finally {
            metrics.counter("dtx.pay.checkback", "answer", answer.name().toLowerCase(Locale.ROOT))
                    .increment();
            MDC.remove("txNo");
        }
        return answer;
    }
}
