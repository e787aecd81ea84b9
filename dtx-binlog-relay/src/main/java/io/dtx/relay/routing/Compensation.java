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
 * again later, when it could name someone else's connection. Publishing may repeat (a crash
 * between send and update); the account side's dedup absorbs it.
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
    }

    @Scheduled(fixedDelayString = "${dtx.relay.routing.compensation-interval:PT5S}")
    public void run() {
        for (RelayException open : exceptions.withStatus(RelayException.OPEN, 100)) {
            String environment = open.environment();
            String routedBy = "person";
            if (environment == null
                    && open.user() != null
                    && router.environmentOf(open.user()) instanceof Route.To to) {
                environment = to.environment();
                routedBy = "compensation";
            }
            if (environment == null) {
                continue;
            }
            try {
                publisher.publish(open.payment(), environment);
                exceptions.published(open.payment().txNo(), environment, routedBy);
                meters.counter("dtx.relay.compensated", "by", routedBy).increment();
                log.info(
                        "Compensated {}: published to {} (routed by {})",
                        open.payment().txNo(),
                        environment,
                        routedBy);
            } catch (PublishFailedException e) {
                exceptions.triedAgain(open.payment().txNo());
                log.warn("Compensation could not publish {}: {}", open.payment().txNo(), e.getMessage());
                return;
            }
        }
    }
}
