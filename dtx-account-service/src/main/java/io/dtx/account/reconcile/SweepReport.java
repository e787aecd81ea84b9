package io.dtx.account.reconcile;

import java.time.Instant;

/**
 * What one deep sweep did.
 *
 * @param ran        false when another instance held the lock and this sweep did nothing
 * @param from       the start of the range compared
 * @param to         its end (exclusive)
 * @param windows    windows compared, at every level of the drill-down
 * @param differing  windows whose totals differed between the two ledgers
 * @param listed     payments listed from the pay side to find what differed
 * @param credited   payments the sweep credited: each one a gap the cursor could not see
 * @param alarms     credits for which the pay side holds no successful payment
 */
public record SweepReport(
        boolean ran, Instant from, Instant to, int windows, int differing, int listed, int credited, int alarms) {

    static SweepReport skipped(Instant from, Instant to) {
        return new SweepReport(false, from, to, 0, 0, 0, 0, 0);
    }
}
