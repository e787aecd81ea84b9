package io.dtx.account.credit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

/** Where the dedup retention's horizon lies, and which retentions are refused at start. */
class DedupRetentionTests {

    static final DedupRetention KEPT_FOR_EVER =
            new DedupRetention(null, Duration.ofDays(1), Duration.ofDays(7), Clock.systemUTC());

    static DedupRetention thirtyDaysOn(String now) {
        return new DedupRetention(
                Duration.ofDays(30),
                Duration.ofDays(1),
                Duration.ofDays(7),
                Clock.fixed(Instant.parse(now), ZoneOffset.UTC));
    }

    @Test
    void keptForEverEveryPaymentIsProvableEvenWithoutATime() {
        assertThat(KEPT_FOR_EVER.provesFirstCredit(Instant.EPOCH)).isTrue();
        assertThat(KEPT_FOR_EVER.provesFirstCredit(null)).isTrue();
        assertThat(KEPT_FOR_EVER.retention()).isEmpty();
    }

    @Test
    void theHorizonIsTheRetentionLessTheMargin() {
        DedupRetention retention = thirtyDaysOn("2026-03-01T00:00:00Z");

        // 30 days before 2026-03-01 is 2026-01-30; the margin of a day moves the horizon to 2026-01-31.
        assertThat(retention.horizon()).isEqualTo("2026-01-31T00:00:00Z");
        assertThat(retention.provesFirstCredit(Instant.parse("2026-01-31T00:00:00Z")))
                .isTrue();
        assertThat(retention.provesFirstCredit(Instant.parse("2026-01-30T23:59:59.999Z")))
                .as("inside the margin: its row may be removed while this claim runs")
                .isFalse();
    }

    @Test
    void aPaymentWithoutATimeCannotBePlacedAgainstTheHorizon() {
        assertThat(thirtyDaysOn("2026-03-01T00:00:00Z").provesFirstCredit(null)).isFalse();
    }

    @Test
    void aRetentionInsideTheSweepsLookBackIsRefusedAtStart() {
        assertThatThrownBy(() -> new DedupRetention(
                        Duration.ofDays(8), Duration.ofDays(1), Duration.ofDays(7), Clock.systemUTC()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("look-back");
        assertThat(new DedupRetention(Duration.ofDays(9), Duration.ofDays(1), Duration.ofDays(7), Clock.systemUTC())
                        .retention())
                .contains(Duration.ofDays(9));
    }
}
