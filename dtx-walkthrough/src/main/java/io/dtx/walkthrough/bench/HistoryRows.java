package io.dtx.walkthrough.bench;

import io.dtx.walkthrough.probe.Databases;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.LocalDateTime;

/**
 * Writes a history of settled payments straight into both ledgers, as if months of traffic had
 * passed: each a successful payment in {@code bank1_pay.account_pay} with its credit in
 * {@code bank1.de_duplication}, so the two ledgers agree and no safety net has anything to do but
 * read. Rows are made by the database itself ({@code INSERT ... SELECT} over a table of digits, a
 * hundred thousand per statement), which writes a million in about a minute instead of an hour of
 * recharges. Their accounts do not exist on the account side: a credit attempted for one by mistake
 * would be held in suspense, not change a balance.
 */
final class HistoryRows {

    /** Where the history lies in payment time (UTC, as the ledgers keep it). */
    record Span(LocalDateTime from, LocalDateTime to) {}

    private static final int CHUNK = 100_000;
    /** The history ends an hour before the run, so it never mixes with the run's own payments. */
    private static final Duration LENGTH = Duration.ofDays(6).minusHours(1);

    private static final String DIGITS = "(SELECT 0 AS v UNION ALL SELECT 1 UNION ALL SELECT 2 UNION ALL SELECT 3"
            + " UNION ALL SELECT 4 UNION ALL SELECT 5 UNION ALL SELECT 6 UNION ALL SELECT 7 UNION ALL SELECT 8"
            + " UNION ALL SELECT 9)";
    /** k, the history's row number: this chunk's first plus 0..99,999. */
    private static final String ROWS = " FROM (SELECT ? + a.v + 10 * b.v + 100 * c.v + 1000 * d.v + 10000 * e.v AS k"
            + " FROM " + DIGITS + " a CROSS JOIN " + DIGITS + " b CROSS JOIN " + DIGITS + " c CROSS JOIN "
            + DIGITS + " d CROSS JOIN " + DIGITS + " e) n WHERE k < ?";
    /** Zero-padded so that ids, the primary key, come in order: appended, not scattered. */
    private static final String TX_NO = "CONCAT(?, LPAD(k, 7, '0'))";

    private static final String ACCOUNT = "CONCAT(?, MOD(k, 1000))";
    private static final String PAID_AT = "TIMESTAMPADD(MICROSECOND, k * ?, ?)";

    private final Databases db;
    private final String prefix;

    HistoryRows(Databases db, String run) {
        this.db = db;
        this.prefix = "h" + run + "-";
    }

    /** Writes {@code payments} into both ledgers (at most ten million) and says where they lie. */
    Span write(int payments) {
        LocalDateTime end = databaseNow().minusHours(1);
        LocalDateTime start = end.minus(LENGTH);
        long stepMicros = LENGTH.toNanos() / 1000 / payments;
        for (long first = 0; first < payments; first += CHUNK) {
            long last = Math.min(payments, first + CHUNK);
            db.update(
                    "bank1_pay",
                    "INSERT INTO account_pay (id, account_no, pay_amount, result, created_at) SELECT " + TX_NO + ", "
                            + ACCOUNT + ", 1.00, 'success', " + PAID_AT + ROWS,
                    prefix,
                    prefix,
                    stepMicros,
                    start,
                    first,
                    last);
            db.update(
                    "bank1",
                    "INSERT INTO de_duplication (tx_no, account_no, amount, applied_by, paid_at, create_time)"
                            + " SELECT " + TX_NO + ", " + ACCOUNT + ", 1.00, 'MESSAGE', " + PAID_AT + ", "
                            + PAID_AT + ROWS,
                    prefix,
                    prefix,
                    stepMicros,
                    start,
                    stepMicros,
                    start,
                    first,
                    last);
        }
        return new Span(start, end);
    }

    private LocalDateTime databaseNow() {
        Object now = db.scalar("bank1_pay", "SELECT UTC_TIMESTAMP(3)", Object.class);
        return now instanceof Timestamp t ? t.toLocalDateTime() : (LocalDateTime) now;
    }
}
