package io.dtx.pay.outbox;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * How the relay works ({@code dtx.pay.outbox.*} in application.yml, which explains each).
 *
 * @param sends      sends a row gets before it is given up (the articles' {@code retry})
 * @param firstDelay the delay after the first failed send; it doubles with each failure
 * @param maxDelay   the longest delay between two sends of one row
 * @param grace      how long the relay leaves a new row to the send right after commit
 * @param batch      rows claimed per relay transaction
 * @param retention  how long a finished row is kept valid ({@code yn = 1})
 * @param purgeAfter how long after that it is removed
 */
@ConfigurationProperties("dtx.pay.outbox")
record OutboxSettings(
        int sends,
        Duration firstDelay,
        Duration maxDelay,
        Duration grace,
        int batch,
        Duration retention,
        Duration purgeAfter) {

    OutboxSettings {
        if (sends < 1 || batch < 1 || firstDelay.isNegative() || maxDelay.compareTo(firstDelay) < 0) {
            throw new IllegalStateException("dtx.pay.outbox: sends and batch must be at least 1, and"
                    + " max-delay at least first-delay (now " + sends + ", " + batch + ", " + firstDelay
                    + ", " + maxDelay + ")");
        }
    }

    /** The delay before the next send of a row that has failed {@code failures} times: doubling, capped. */
    Duration delayAfter(int failures) {
        Duration delay = firstDelay;
        for (int i = 1; i < failures && delay.compareTo(maxDelay) < 0; i++) {
            delay = delay.multipliedBy(2);
        }
        return delay.compareTo(maxDelay) > 0 ? maxDelay : delay;
    }
}
