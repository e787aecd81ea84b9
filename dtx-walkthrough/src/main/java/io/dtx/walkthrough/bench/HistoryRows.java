package io.dtx.walkthrough.bench;

import io.dtx.walkthrough.probe.Databases;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;

/**
 * Writes a history of settled payments straight into both ledgers, as if months of traffic had
 * passed: each a successful payment in {@code bank1_pay.account_pay} with its credit in
 * {@code bank1.de_duplication}, so the two ledgers agree and no safety net has anything to do but
 * read. Rows are made by the database itself ({@code INSERT ... SELECT} over a table of digits, a
 * hundred thousand per statement), which writes a million in a minute or two instead of an hour
 * of recharges. Their accounts do not exist on the account side: a credit attempted for one by mistake
 * would be held in suspense, not change a balance.
 */
final class HistoryRows {

    /** Where the history lies in payment time (UTC, as the ledgers keep it). */
    record Span(LocalDateTime from, LocalDateTime to) {}

    private static final int CHUNK = 100_000;
    /** Six days less an hour: inside the deep sweep's default look-back of seven days. */
    private static final Duration LENGTH = Duration.ofDays(6).minusHours(1);

    private static final DateTimeFormatter SQL_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss.SSSSSS");

    private static final String DIGITS = "(SELECT 0 AS v UNION ALL SELECT 1 UNION ALL SELECT 2 UNION ALL SELECT 3"
            + " UNION ALL SELECT 4 UNION ALL SELECT 5 UNION ALL SELECT 6 UNION ALL SELECT 7 UNION ALL SELECT 8"
            + " UNION ALL SELECT 9)";

    private static final String ROWS = """
            SELECT CONCAT(?, MD5(k)) AS tx_no, CONCAT(?, MOD(k, 1000)) AS account_no,
                   TIMESTAMPADD(MICROSECOND, k * %d, '%s') AS paid_at
            FROM (SELECT %d + a.v + 10 * b.v + 100 * c.v + 1000 * d.v + 10000 * e.v AS k
                  FROM %s a CROSS JOIN %s b CROSS JOIN %s c CROSS JOIN %s d CROSS JOIN %s e) n
            WHERE k < %d""";

    /** The numbers {@code first} (inclusive) to {@code last} (exclusive, at most 100,000 more) as a table of k. */
    static String numbers(long first, long last) {
        return String.format(
                "SELECT k FROM (SELECT %d + a.v + 10 * b.v + 100 * c.v + 1000 * d.v + 10000 * e.v AS k"
                        + " FROM %s a CROSS JOIN %s b CROSS JOIN %s c CROSS JOIN %s d CROSS JOIN %s e) n WHERE k < %d",
                first, DIGITS, DIGITS, DIGITS, DIGITS, DIGITS, last);
    }

    /**
     * One row per k, the history's row number, from {@code first} below {@code last}: its txNo
     * (a hash of k: scattered over the primary key like real ones, which are random, so the
     * tables are laid out and cached as a real history's would be), its account (one of a thousand)
     * and its payment time ({@code stepMicros} after the one before). The numbers are the
     * benchmark's own, written into the text; only the prefix is a parameter.
     */
    private static String rows(long first, long last, long stepMicros, LocalDateTime start) {
        return String.format(
                ROWS, stepMicros, SQL_TIME.format(start), first, DIGITS, DIGITS, DIGITS, DIGITS, DIGITS, last);
    }

    private final Databases db;
    private final String prefix;

    HistoryRows(Databases db, String run) {
        this.db = db;
        this.prefix = "h" + run + "-";
    }

    /**
     * Writes {@code payments} into both ledgers, ending an hour before the
     * run's first payment, so the history never mixes with the run's own; says where they lie.
     */
    Span write(int payments) {
        String firstPayment = db.scalar(
                "bank1_pay",
                "SELECT DATE_FORMAT(MIN(created_at), '%Y-%m-%dT%H:%i:%s.%f') FROM account_pay",
                String.class);
        LocalDateTime end = LocalDateTime.parse(firstPayment).minusHours(1);
        LocalDateTime start = end.minus(LENGTH);
        long stepMicros = LENGTH.toNanos() / 1000 / payments;
        for (long first = 0; first < payments; first += CHUNK) {
            String rows = rows(first, Math.min(payments, first + CHUNK), stepMicros, start);
            db.update(
                    "bank1_pay",
                    "INSERT INTO account_pay (id, account_no, pay_amount, result, created_at)"
                            + " SELECT tx_no, account_no, 1.00, 'success', paid_at FROM (" + rows + ") h",
                    prefix,
                    prefix);
            db.update(
                    "bank1",
                    "INSERT INTO de_duplication (tx_no, account_no, amount, applied_by, paid_at, create_time)"
                            + " SELECT tx_no, account_no, 1.00, 'MESSAGE', paid_at, paid_at FROM (" + rows + ") h",
                    prefix,
                    prefix);
        }
        return new Span(start, end);
    }
}
