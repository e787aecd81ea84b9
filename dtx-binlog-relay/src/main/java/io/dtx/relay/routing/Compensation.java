package io.dtx.relay.routing;

import io.dtx.relay.publish.PaymentPublisher;
import io.dtx.relay.publish.PublishFailedException;
import io.micrometer.core.instrument.MeterRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * The exception table's compensation job. An open row is published once it has an environment
 * that is not a guess: one a person named, or the one its recorded database user is now mapped
 * to (the mapping was missing, and configuration has since been fixed). A row whose connection
 * was gone stays open until a person names its environment: a thread id is never looked up
 * again later, when it could name someone else's connection.
 *
 * <p>Each row is claimed before it is published (one publisher per row, and a person's later
 * choice is not overwritten), and checked against {@code bank1_pay.account_pay}: a row that does
 * not match its payment is refused, never signed. Publishing may repeat (a crash between send
 * and update); the account side's dedup absorbs it.
 */
@Component
public class Compensation {

    private static final Logger log = LoggerFactory.getLogger(Compensation.class);

    private final ExceptionTable exceptions;
    private final Router router;
    private final PaymentPublisher publisher;
    private final MeterRegistry meters;

    Compensation(ExceptionTable exceptions, Router router, PaymentPublisher publisher, MeterRegistry meters) {
        this.exceptions = exceptions;
        this.router = router;
        this.publisher = publisher;
        this.meters = meters;
        meters.gauge("dtx.relay.exceptions.open", exceptions, ExceptionTable::countOpen);
        int released = exceptions.releaseAll();
        if (released > 0) {
            log.info("Compensation: {} row(s) claimed before a crash are open again", released);
        }
    }

    @Scheduled(fixedDelayString = "${dtx.relay.routing.compensation-interval:PT5S}")
    public void run() {
        for (KeptPayment open : exceptions.actionable(router.mappedUsers(), 100)) {
            String environment = open.environment();
            String routedBy = "person";
            if (environment == null && router.environmentOf(open.user()) instanceof Route.To to) {
                environment = to.environment();
                routedBy = "compensation";
            }
            if (environment != null && exceptions.claim(open.payment().txNo(), open.environment())) {
                publish(open, environment, routedBy);
            }
        }
    }

    private void publish(KeptPayment row, String environment, String routedBy) {
        String txNo = row.payment().txNo();
        if (!exceptions.sealHolds(row)) {
            exceptions.refuse(txNo, "the relay's seal does not hold: written or changed outside the relay");
            meters.counter("dtx.relay.compensated", "by", "refused").increment();
            log.error("Compensation refused {}: the row was not written, or was changed, outside the relay", txNo);
            return;
        }
        if (!exceptions.matchesLedger(row)) {
            exceptions.refuse(txNo, "does not match its payment in bank1_pay.account_pay");
            meters.counter("dtx.relay.compensated", "by", "refused").increment();
            log.error("Compensation refused {}: the kept row does not match bank1_pay.account_pay", txNo);
            return;
        }
        try {
            publisher.publish(row.payment(), environment);
            exceptions.published(txNo, environment, routedBy);
            meters.counter("dtx.relay.compensated", "by", routedBy).increment();
            log.info("Compensated {}: published to {} (routed by {})", txNo, environment, routedBy);
        } catch (PublishFailedException e) {
            exceptions.release(txNo);
            log.warn("Compensation could not publish {}: {}", txNo, e.getMessage());
        }
    }
}
