package io.dtx.walkthrough.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class ConcurrencyCurveTests {

    @Test
    void theKneeIsTheFewestClientsWithinATenthOfTheBestThroughput() {
        assertThat(ConcurrencyCurve.knee(List.of(point(1, 40), point(4, 140), point(16, 150), point(64, 152))))
                .isEqualTo(4);
        assertThat(ConcurrencyCurve.knee(List.of(point(1, 40), point(4, 100), point(16, 150), point(64, 120))))
                .as("past the best, throughput may fall: the knee is before it")
                .isEqualTo(16);
        assertThat(ConcurrencyCurve.knee(List.of(point(1, 50)))).isEqualTo(1);
        assertThat(ConcurrencyCurve.knee(List.of())).isZero();
    }

    private static ConcurrencyCurve.Point point(int clients, double perSecond) {
        return new ConcurrencyCurve.Point(clients, perSecond, 10, 20);
    }
}
