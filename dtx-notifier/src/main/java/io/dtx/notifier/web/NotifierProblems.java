package io.dtx.notifier.web;

import io.dtx.notifier.control.InvalidRangeException;
import io.dtx.notifier.control.NotificationNotFoundException;
import io.dtx.notifier.subscription.UnknownSubscriptionException;
import io.dtx.web.ProblemCatalog;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpStatus;

/** What each of the notifier's own failures tells the client (the rest: see {@code dtx-web}). */
@Configuration(proxyBeanMethods = false)
class NotifierProblems {

    @Bean
    ProblemCatalog problemCatalog() {
        return new ProblemCatalog()
                .map(UnknownSubscriptionException.class, HttpStatus.NOT_FOUND, "Subscription not found")
                .map(NotificationNotFoundException.class, HttpStatus.NOT_FOUND, "Notification not found")
                .map(InvalidRangeException.class, HttpStatus.BAD_REQUEST, "Invalid request");
    }
}
