package io.dtx.notifier.retention;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * How long the notifier keeps what it has finished ({@code dtx.notifier.retention.*}).
 *
 * @param delivered a delivered notification, with its attempts, is removed this long after delivery
 * @param interval  how often the cleanup looks
 */
@ConfigurationProperties("dtx.notifier.retention")
public record RetentionSettings(Duration delivered, Duration interval) {

    public RetentionSettings {
        // A removed notification is opened again if its payment's message comes back (a redelivery):
        // harmless, the receiver deduplicates, but a day is the least that keeps it rare.
        if (delivered == null || delivered.compareTo(Duration.ofDays(1)) < 0) {
            throw new IllegalArgumentException("dtx.notifier.retention.delivered must be at least P1D");
        }
    }
}
