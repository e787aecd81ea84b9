package io.dtx.walkthrough.bench;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.List;

/** The benchmark's arithmetic on measurements. */
final class Stats {

    private Stats() {}

    /** Two decimals, half up: the report's precision. */
    static double round(double value) {
        return BigDecimal.valueOf(value).setScale(2, RoundingMode.HALF_UP).doubleValue();
    }

    /** The p-th percentile (nearest rank) of sorted microseconds, in milliseconds; 0 if there are none. */
    static double percentile(List<Long> sortedMicros, int p) {
        if (sortedMicros.isEmpty()) {
            return 0;
        }
        int index = (int) Math.ceil(p / 100.0 * sortedMicros.size()) - 1;
        return round(sortedMicros.get(Math.max(0, index)) / 1000.0);
    }
}
