package io.dtx.account.credit;

import java.time.Duration;
import java.util.Optional;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * How long the dedup table keeps a credit, for {@link DedupCleanup}.
 *
 * <p>Unset (the default), nothing is ever removed: {@code de_duplication} is also this bank's
 * record of every credit. Set, the cleanup raises the table's horizon ({@code dedup_horizon}) to
 * the retention ago and removes the rows paid before it. From then on a missing row no longer
 * proves a payment that old new, so every claim checks the horizon itself, in the database, on
 * every instance whatever it is set to ({@link DedupMapper#claim}); such a payment is kept in
 * suspense for a person instead of credited.
 */
@Component
public class DedupRetention {

    private final Duration retention;

    @Autowired
    DedupRetention(
            @Value("${dtx.account.dedup.retention:}") String retention,
            @Value("${dtx.account.sweep.lookback:P7D}") Duration sweepLookback) {
        this(retention.isBlank() ? null : Duration.parse(retention), sweepLookback);
    }

    DedupRetention(Duration retention, Duration sweepLookback) {
        // The sweep compares both ledgers over its look-back: rows removed inside it would read as
        // payments never credited, and every one would be refused and kept for a person. Two days
        // more: the claim's day of margin, and a day for the sweep's own.
        if (retention != null && retention.compareTo(sweepLookback.plusDays(2)) < 0) {
            throw new IllegalArgumentException("dtx.account.dedup.retention (" + retention
                    + ") must exceed the sweep's look-back (" + sweepLookback + ") by two days");
        }
        this.retention = retention;
    }

    /** The retention, if rows are removed at all. */
    public Optional<Duration> retention() {
        return Optional.ofNullable(retention);
    }
}
