package io.dtx.walkthrough.chaos;

import io.dtx.walkthrough.probe.Databases;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

/**
 * The campaign's verdict, read from the two databases directly (never from the services' own
 * view of themselves): was every successful payment credited exactly once, and nothing else?
 *
 * @param payments    successful payments in bank1_pay
 * @param rolledBack  payments that never happened (tombstones of rolled-back half messages)
 * @param credits     rows in bank1.de_duplication
 * @param lost        successful payments with no credit
 * @param doubled     txNos credited more than once, plus accounts whose balance is not their
 *                    opening balance plus the sum of their credits
 * @param phantom     credits with no successful payment behind them
 * @param mismatched  credits whose account or amount differ from the payment's
 * @param acknowledgedMissing 2xx replies to a client for a payment that does not exist
 * @param toldNoButCharged    "not taken, nothing was charged" replies for a payment that exists
 * @param creditsByPath credits by who applied them: MESSAGE, PULL or RECONCILIATION
 * @param examples    a few txNos of each kind of failure, to start an investigation from
 */
record Verdict(
        long payments,
        long rolledBack,
        long credits,
        long lost,
        long doubled,
        long phantom,
        long mismatched,
        long acknowledgedMissing,
        long toldNoButCharged,
        Map<String, Long> creditsByPath,
        List<String> examples) {

    boolean holds() {
        return lost == 0
                && doubled == 0
                && phantom == 0
                && mismatched == 0
                && acknowledgedMissing == 0
                && toldNoButCharged == 0;
    }

    /** The successful payments {@code p} without a credit: what convergence waits for. */
    static final String UNCREDITED = """
            FROM bank1_pay.account_pay p
            WHERE p.result = 'success'
              AND NOT EXISTS (SELECT 1 FROM bank1.de_duplication d WHERE d.tx_no = p.id)""";

    /** Only what is still missing; cheap enough to poll while waiting for convergence. */
    static long uncredited(Databases db) {
        return db.scalar("bank1_pay", "SELECT COUNT(*) " + UNCREDITED, Long.class);
    }

    /** Every payment against every credit, every touched balance, every acknowledgement a customer got. */
    static Verdict of(
            Databases db,
            Map<String, BigDecimal> openingBalances,
            List<ChaosLoad.Paid> acknowledged,
            List<String> toldNotTaken) {
        VerdictTally tally = new VerdictTally();
        db.rows("bank1_pay", "SELECT id, account_no, pay_amount, result FROM account_pay")
                .forEach(tally::payment);
        // A retry must never charge twice: one successful payment per account and Idempotency-Key.
        db.rows("bank1_pay", """
                SELECT account_no, idempotency_key, COUNT(*) AS charges FROM account_pay
                WHERE result = 'success' AND idempotency_key IS NOT NULL
                GROUP BY account_no, idempotency_key HAVING COUNT(*) > 1""").forEach(tally::chargedTwice);
        db.rows("bank1", "SELECT tx_no, account_no, amount, applied_by FROM de_duplication")
                .forEach(tally::credit);
        tally.settlePayments();
        // The balance itself: opening + credits, to the cent, for every account that was touched.
        db.rows("bank1", "SELECT account_no, account_balance FROM account_info")
                .forEach(row -> tally.balance(row, openingBalances));
        synchronized (acknowledged) {
            acknowledged.forEach(tally::acknowledged);
        }
        synchronized (toldNotTaken) {
            toldNotTaken.forEach(tally::toldNotTaken);
        }
        return tally.verdict();
    }
}
