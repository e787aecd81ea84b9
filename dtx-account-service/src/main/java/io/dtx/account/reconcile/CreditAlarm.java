package io.dtx.account.reconcile;

import io.dtx.account.messaging.PoisonMessages;
import io.micrometer.core.instrument.MeterRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * A credit for which the pay side holds no successful payment means money was invented (a
 * replayed message, a key that leaked). Nothing here can take it back safely, so a person is
 * told: through the log, a counter, and a row kept with the poison messages.
 */
@Component
class CreditAlarm {

    private static final Logger log = LoggerFactory.getLogger(CreditAlarm.class);

    private final PoisonMessages poison;
    private final MeterRegistry metrics;

    CreditAlarm(PoisonMessages poison, MeterRegistry metrics) {
        this.poison = poison;
        this.metrics = metrics;
    }

    /** The pay side owes a refund for a payment this side did not return: the money would go out twice. */
    void refundedWithoutReturn(String txNo) {
        if (poison.record(txNo, "refund-alarm:" + txNo, "refund owed by the pay side, but not returned here", null)) {
            log.error("ALARM: the pay side marked {} for refund, but this side did not return it", txNo);
            metrics.counter("dtx.account.reconcile.refund.without.return").increment();
        }
    }

    /** Raised once per txNo, however many runs find it again. */
    void creditedWithoutPayment(String txNo, String why) {
        if (poison.record(txNo, "alarm:" + txNo, "credited without payment: " + why, null)) {
            log.error("ALARM: payment {} was credited, but {}", txNo, why);
            metrics.counter("dtx.account.reconcile.credited.without.payment").increment();
        }
    }
}
