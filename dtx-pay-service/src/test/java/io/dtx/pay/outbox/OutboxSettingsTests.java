package io.dtx.pay.outbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class OutboxSettingsTests {

    private final OutboxSettings settings = new OutboxSettings(
            10,
            Duration.ofSeconds(1),
            Duration.ofMinutes(5),
            Duration.ofSeconds(10),
            50,
            Duration.ofDays(7),
            Duration.ofDays(1));

    @Test
    void theDelayDoublesAfterEachFailureUpToTheCap() {
        assertThat(settings.delayAfter(1)).isEqualTo(Duration.ofSeconds(1));
        assertThat(settings.delayAfter(2)).isEqualTo(Duration.ofSeconds(2));
        assertThat(settings.delayAfter(9)).isEqualTo(Duration.ofSeconds(256));
        assertThat(settings.delayAfter(10)).isEqualTo(Duration.ofMinutes(5));
        assertThat(settings.delayAfter(1000)).isEqualTo(Duration.ofMinutes(5));
    }

    @Test
    void aConfigurationThatCouldNeverSendIsRefusedAtStart() {
        assertThatThrownBy(() -> new OutboxSettings(
                        0,
                        Duration.ofSeconds(1),
                        Duration.ofMinutes(5),
                        Duration.ZERO,
                        50,
                        Duration.ZERO,
                        Duration.ZERO))
                .hasMessageContaining("sends and batch must be at least 1");
        assertThatThrownBy(() -> new OutboxSettings(
                        3,
                        Duration.ofMinutes(5),
                        Duration.ofSeconds(1),
                        Duration.ZERO,
                        50,
                        Duration.ZERO,
                        Duration.ZERO))
                .hasMessageContaining("max-delay at least first-delay");
    }
}
