package io.dtx.relay.relaying;

import io.dtx.relay.binlog.CommittedTransaction;
import io.dtx.relay.binlog.PaymentRow;
import io.dtx.relay.position.PositionKeeper;
import io.dtx.relay.publish.PaymentPublisher;
import io.dtx.relay.routing.ExceptionTable;
import io.dtx.relay.routing.Route;
import io.dtx.relay.routing.Router;
import io.dtx.relay.routing.RoutingSettings;
import io.dtx.web.journey.Journeys;
import io.dtx.web.journey.Milestone;
import io.micrometer.core.instrument.MeterRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * What the relay does with one committed transaction: each successful payment in it is published
 * to its environment's topic (or kept in the exception table), tombstones are skipped, and only
 * when all of that is done does the position pass the transaction. Any failure is thrown before
 * the position moves, so the transaction is read and published again.
 */
@Component
class TransactionHandler {

    private static final Logger log = LoggerFactory.getLogger(TransactionHandler.class);

    private final Router router;
    private final PaymentPublisher publisher;
    private final ExceptionTable exceptions;
    private final PositionKeeper position;
    private final MeterRegistry meters;
    private final RoutingSettings routing;
    private final RecentRoutes recent;
    private final Journeys journeys;

    TransactionHandler(
            Router router,
            PaymentPublisher publisher,
            ExceptionTable exceptions,
            PositionKeeper position,
            MeterRegistry meters,
            RoutingSettings routing,
            RecentRoutes recent,
            Journeys journeys) {
        this.journeys = journeys;
        this.router = router;
        this.publisher = publisher;
        this.exceptions = exceptions;
        this.position = position;
        this.meters = meters;
        this.routing = routing;
        this.recent = recent;
    }

    void handle(CommittedTransaction transaction) {
        boolean anySuccess = transaction.payments().stream().anyMatch(PaymentRow::succeeded);
        Route route = anySuccess ? router.route(transaction) : null;
        for (PaymentRow payment : transaction.payments()) {
            if (!payment.succeeded()) {
                meters.counter("dtx.relay.skipped", "result", payment.result()).increment();
                continue;
            }
            Route routed = recent.environmentOf(payment.txNo())
                    .<Route>map(Route.To::new)
                    .orElse(route);
            if (routed instanceof Route.To to) {
                if (routing.enabled() && exceptions.isKept(payment.txNo())) {
                    // Read again after a restart: it was kept back then; compensation decides, not a re-read.
                    continue;
                }
                publisher.publish(payment, to.environment());
                recent.published(payment.txNo(), to.environment());
                journeys.record(
                        payment.txNo(),
                        Milestone.RELAYED_FROM_BINLOG,
                        (to.environment() == null ? "" : "to " + to.environment() + ", ") + "read at "
                                + transaction.next());
                meters.counter("dtx.relay.published", "environment", label(to.environment()))
                        .increment();
            } else if (routed instanceof Route.Unroutable why) {
                if (exceptions.isKept(payment.txNo())) {
                    continue; // read again: kept the first time, counted then
                }
                exceptions.keep(payment, transaction.threadId(), why, transaction.next());
                meters.counter("dtx.relay.unroutable").increment();
                journeys.record(payment.txNo(), Milestone.KEPT_BY_RELAY, why.reason());
                log.warn("Payment {} kept in the exception table, not published: {}", payment.txNo(), why.reason());
            }
        }
        position.passed(transaction);
    }

    private static String label(String environment) {
        return environment.isBlank() ? "-" : environment;
    }
}
