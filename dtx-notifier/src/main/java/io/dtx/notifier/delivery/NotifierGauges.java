package io.dtx.notifier.delivery;

import io.dtx.notifier.notification.Notification;
import io.dtx.notifier.notification.Notifications;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.stereotype.Component;

/** How much is waiting and how much was given up, read from the table when scraped. */
@Component
class NotifierGauges {

    NotifierGauges(Notifications notifications, MeterRegistry metrics) {
        Gauge.builder("dtx.notifier.pending", () -> notifications.countWithStatus(Notification.PENDING))
                .description("Notifications with attempts left")
                .register(metrics);
        Gauge.builder("dtx.notifier.gave.up.rows", () -> notifications.countWithStatus(Notification.GAVE_UP))
                .description("Notifications whose schedule ran out: the receiver must query")
                .register(metrics);
    }
}
