package io.dtx.pay.outbox;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicReference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * What the local message table still owes, as gauges ({@code dtx_pay_outbox_pending},
 * {@code dtx_pay_outbox_lag_seconds}: the age of the oldest unsent row, {@code
 * dtx_pay_outbox_gave_up_rows}) and as the {@code outbox} entry of {@code /actuator/health}.
 * Always UP: a backlog is no reason to stop taking payments (that is what the table is for); it
 * is a reason to look.
 */
@Component
class OutboxHealthIndicator implements HealthIndicator {

    private static final Logger log = LoggerFactory.getLogger(OutboxHealthIndicator.class);

    private final OutboxTable table;
    private final AtomicReference<OutboxBacklog> last = new AtomicReference<>(new OutboxBacklog(0, 0, Duration.ZERO));

    OutboxHealthIndicator(OutboxTable table, MeterRegistry metrics) {
        this.table = table;
        Gauge.builder("dtx.pay.outbox.pending", last, b -> b.get().pending()).register(metrics);
        Gauge.builder("dtx.pay.outbox.gave_up.rows", last, b -> b.get().gaveUp())
                .register(metrics);
        Gauge.builder("dtx.pay.outbox.lag", last, b -> b.get().lag().toMillis() / 1000.0)
                .baseUnit("seconds")
                .register(metrics);
    }

    /** Read on a schedule of its own, so the figures stay true while the relay is busy or off. */
    @Scheduled(fixedDelayString = "${dtx.pay.outbox.backlog-interval:PT5S}")
    void refresh() {
        try {
            last.set(table.backlog());
        } catch (RuntimeException e) {
            log.warn("Could not read the outbox backlog: {}", e.getMessage());
        }
    }

    @Override
    public Health health() {
        OutboxBacklog backlog = last.get();
        return Health.up()
                .withDetail("pending", backlog.pending())
                .withDetail("gaveUp", backlog.gaveUp())
                .withDetail("lagSeconds", backlog.lag().toMillis() / 1000.0)
                .build();
    }
}
