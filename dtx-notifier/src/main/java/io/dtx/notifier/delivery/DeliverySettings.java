package io.dtx.notifier.delivery;

import io.dtx.notifier.schedule.Timing;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * How attempts are made ({@code dtx.notifier.delivery.*}).
 *
 * @param timeScale      how much of each scheduled wait is really waited (1 in production)
 * @param jitter         each wait moved by up to this fraction of itself
 * @param connectTimeout a receiver that does not accept the connection by then has failed
 * @param timeout        a receiver that has not answered by then has failed
 * @param threads        calls made at the same time
 * @param maxRetryAfter  a receiver's {@code Retry-After} is honoured up to this long
 */
@ConfigurationProperties("dtx.notifier.delivery")
public record DeliverySettings(
        double timeScale,
        double jitter,
        Duration connectTimeout,
        Duration timeout,
        int threads,
        Duration maxRetryAfter) {

    public DeliverySettings {
        if (threads < 1) {
            throw new IllegalArgumentException("dtx.notifier.delivery.threads must be at least 1");
        }
    }

    public Timing timing() {
        return new Timing(timeScale, jitter);
    }

    /**
     * How long a claimed notification is kept from other claims: longer than any call can take
     * (connecting, then one deadline for the answer), so it is attempted again only if this
     * instance died during the call or could not record it.
     */
    public Duration lease() {
        // Recording the answer may wait 3 s for a connection and 10 s for its transaction.
        return connectTimeout.plus(timeout).plusSeconds(15);
    }
}
