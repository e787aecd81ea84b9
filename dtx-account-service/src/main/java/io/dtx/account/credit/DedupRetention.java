package io.dtx.account.credit;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * How long the dedup table keeps a credit, and the horizon that follows from it.
 *
 * <p>Unset (the default), nothing is ever removed: {@code de_duplication} is also this bank's
 * record of every credit. Set, {@link DedupCleanup} removes rows paid more than the retention ago,
 * and from then on an absent row no longer proves "never credited" for an old payment. So a
 * payment paid before the <em>horizon</em> (the retention less a margin) may not be claimed: it is
 * kept for a person instead. The margin covers the clocks' skew and a claim that started just
 * before its row was removed. A payment without a payment time cannot be placed against the
 * horizon at all, so it is refused too while the retention is on.
 */
@Component
public class DedupRetention {

    private final Duration retention;
    private final Duration margin;
    private final Clock clock;

    @Autowired
    DedupRetention(
            @Value("${dtx.account.dedup.retention:}") String retention,
            @Value("${dtx.account.dedup.margin:P1D}") Duration margin,
            @Value("${dtx.account.sweep.lookback:P7D}") Duration sweepLookback) {
        this(retention.isBlank() ? null : Duration.parse(retention), margin, sweepLookback, Clock.systemUTC());
    }

    DedupRetention(Duration retention, Duration margin, Duration sweepLookback, Clock clock) {
        // The sweep compares both ledgers over its look-back: rows removed inside it would read as
        // payments never credited, and every one of them would be refused and kept for a person.
        if (retention != null && retention.compareTo(sweepLookback.plus(margin.multipliedBy(2))) < 0) {
            throw new IllegalArgumentException("dtx.account.dedup.retention (" + retention
                    + ") must exceed the sweep's look-back (" + sweepLookback + ") by twice the margin (" + margin
                    + ")");
        }
        this.retention = retention;
        this.margin = margin;
        this.clock = clock;
    }

    /** The retention, if rows are removed at all. */
    public Optional<Duration> retention() {
        return Optional.ofNullable(retention);
    }

    /**
     * Whether a first claim of a payment paid at {@code paidAt} proves it was never credited: its
     * earlier claim, if there was one, cannot have been removed yet.
     */
    boolean provesFirstCredit(Instant paidAt) {
        return retention == null || (paidAt != null && !paidAt.isBefore(horizon()));
    }

    /** Payments paid before this may no longer be claimed. */
    Instant horizon() {
        return clock.instant().minus(retention).plus(margin);
    }
}
