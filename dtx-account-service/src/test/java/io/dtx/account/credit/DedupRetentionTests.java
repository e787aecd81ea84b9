package io.dtx.account.credit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;

/** Which dedup retentions are taken at start. The horizon itself is the database's (system tests). */
class DedupRetentionTests {

    @Test
    void unsetNothingIsRemoved() {
        assertThat(new DedupRetention("", Duration.ofDays(7)).retention()).isEmpty();
    }

    @Test
    void aRetentionInsideTheSweepsLookBackIsRefusedAtStart() {
        assertThatThrownBy(() -> new DedupRetention(Duration.ofDays(8), Duration.ofDays(7)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("look-back");
        assertThat(new DedupRetention("P9D", Duration.ofDays(7)).retention()).contains(Duration.ofDays(9));
    }
}
