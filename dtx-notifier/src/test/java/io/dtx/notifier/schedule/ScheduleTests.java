package io.dtx.notifier.schedule;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class ScheduleTests {

    @Test
    void alipayIsEightNotificationsInAboutTwentyFiveHours() {
        Schedule alipay = Schedule.parse("alipay");

        assertThat(alipay.attempts()).isEqualTo(8);
        assertThat(alipay.offsetOf(1)).isZero();
        assertThat(alipay.offsetOf(2)).isEqualTo(Duration.ofMinutes(4));
        assertThat(alipay.offsetOf(8)).isEqualTo(Duration.ofMinutes(4 + 10 + 10 + 60 + 120 + 360 + 900));
    }

    @Test
    void wechatIsSixteenNotificationsInTwentyFourHoursFourMinutes() {
        Schedule wechat = Schedule.parse("wechat");

        assertThat(wechat.attempts()).isEqualTo(16);
        assertThat(wechat.offsetOf(16)).isEqualTo(Duration.ofHours(24).plusMinutes(4));
    }

    @Test
    void theOtherPresetsAndCustomLists() {
        assertThat(Schedule.parse("mq-levels").intervals()).hasSize(8).endsWith(Duration.ofHours(10));
        Schedule growing = Schedule.parse("growing");
        assertThat(growing.attempts()).isEqualTo(50);
        assertThat(growing.intervals())
                .startsWith(Duration.ofSeconds(1), Duration.ofSeconds(5), Duration.ofSeconds(15));
        assertThat(growing.intervals()).allMatch(d -> d.compareTo(Duration.ofHours(1)) <= 0);
        assertThat(Schedule.parse(" 15s, PT1M ,2h,1d").intervals())
                .containsExactly(
                        Duration.ofSeconds(15), Duration.ofMinutes(1), Duration.ofHours(2), Duration.ofDays(1));
    }

    @Test
    void whatCannotBeReadIsRefusedWithTheReason() {
        assertThatThrownBy(() -> Schedule.parse("15s,soon")).hasMessageContaining("'soon' is not a wait");
        assertThatThrownBy(() -> Schedule.parse("")).hasMessageContaining("preset");
        assertThatThrownBy(() -> Schedule.parse("0s")).hasMessageContaining("positive");
        assertThatThrownBy(() -> Schedule.parse("5x")).hasMessageContaining("not a wait");
    }

    @Test
    void timingScalesFromTheStartSoALateAttemptDoesNotShiftTheNextOnes() {
        Timing hourPerSecond = new Timing(1.0 / 3600, 0);
        Instant start = Instant.parse("2026-12-02T00:00:00Z");
        Schedule alipay = Schedule.parse("alipay");

        assertThat(hourPerSecond.dueAt(alipay, start, 5)).isEqualTo(start.plusMillis(1400)); // 84 minutes
        assertThat(hourPerSecond.dueAt(alipay, start, 8)).isEqualTo(start.plusMillis(24_400));
    }

    @Test
    void jitterStaysWithinItsShareOfTheWaitBeforeTheAttempt() {
        Timing jittered = new Timing(1, 0.1);
        Instant start = Instant.parse("2026-12-02T00:00:00Z");
        Schedule schedule = Schedule.parse("10m,10m");
        for (int i = 0; i < 1000; i++) {
            Instant due = jittered.dueAt(schedule, start, 3);
            assertThat(due).isBetween(start.plusSeconds(1200 - 60), start.plusSeconds(1200 + 60));
        }
        assertThat(jittered.dueAt(schedule, start, 1))
                .as("the first attempt is never moved")
                .isEqualTo(start);
        assertThatThrownBy(() -> new Timing(0, 0)).hasMessageContaining("time-scale");
        assertThatThrownBy(() -> new Timing(1, 1)).hasMessageContaining("jitter");
    }
}
