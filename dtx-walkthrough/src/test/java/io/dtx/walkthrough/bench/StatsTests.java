package io.dtx.walkthrough.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;

class StatsTests {

    @Test
    void percentilesAreNearestRankInMilliseconds() {
        List<Long> micros =
                LongStream.rangeClosed(1, 100).map(i -> i * 1000).boxed().toList();

        assertThat(Stats.percentile(micros, 50)).isEqualTo(50.0);
        assertThat(Stats.percentile(micros, 99)).isEqualTo(99.0);
        assertThat(Stats.percentile(List.of(1500L), 95)).isEqualTo(1.5);
        assertThat(Stats.percentile(List.of(), 50)).isZero();
    }

    @Test
    void roundsToTwoDecimalsHalfUp() {
        assertThat(Stats.round(0.125)).isEqualTo(0.13);
        assertThat(Stats.round(371.954)).isEqualTo(371.95);
    }
}
