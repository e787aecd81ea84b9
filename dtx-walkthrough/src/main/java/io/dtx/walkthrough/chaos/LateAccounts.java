package io.dtx.walkthrough.chaos;

import io.dtx.walkthrough.probe.Databases;
import io.dtx.walkthrough.probe.Waits;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.Map;

/**
 * Payments to accounts that do not exist yet: the pay side takes them (it cannot know), the
 * account side must hold them in suspense, and credit them once the accounts are opened, seconds
 * later. Happened only if the account side really held them.
 */
final class LateAccounts {

    private static final int PAYMENTS = 3;

    private final Databases db;
    private final Map<String, BigDecimal> openingBalances;
    private final long seed;
    private int round;

    /** {@code openingBalances} gets each late account's zero opening balance, for the verdict. */
    LateAccounts(Databases db, Map<String, BigDecimal> openingBalances, long seed) {
        this.db = db;
        this.openingBalances = openingBalances;
        this.seed = seed;
    }

    Faults.Outcome payThenOpen(ChaosLoad load) {
        String prefix = "late-" + seed + "-" + (round++) + "-";
        for (int i = 0; i < PAYMENTS; i++) {
            load.payExtra(prefix + i, new BigDecimal("2.22"));
        }
        boolean held = Waits.eventually(
                Duration.ofSeconds(30),
                () -> db.scalar(
                                "bank1",
                                "SELECT COUNT(*) FROM suspense WHERE account_no LIKE ?",
                                Long.class,
                                prefix + "%")
                        >= PAYMENTS);
        for (int i = 0; i < PAYMENTS; i++) {
            db.update(
                    "bank1",
                    "INSERT INTO account_info (account_name, account_no, account_balance) VALUES ('late', ?, 0.00)",
                    prefix + i);
            synchronized (openingBalances) {
                openingBalances.put(prefix + i, BigDecimal.ZERO.setScale(2));
            }
        }
        return new Faults.Outcome(
                PAYMENTS + " payments to accounts " + prefix + "* " + (held ? "held in suspense" : "NOT held")
                        + ", then the accounts opened",
                held);
    }
}
