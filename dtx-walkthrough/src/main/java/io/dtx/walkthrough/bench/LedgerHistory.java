package io.dtx.walkthrough.bench;

import io.dtx.walkthrough.probe.Databases;
import io.dtx.walkthrough.probe.Http;
import io.dtx.walkthrough.probe.Reply;
import io.dtx.walkthrough.probe.Waits;
import java.io.PrintStream;
import java.time.LocalDateTime;
import java.time.ZoneOffset;

/**
 * A long history, and what the safety nets cost over it. Near the start of the run, while the
 * ledgers hold a few tens of thousands of payments, the reconciliation's page is timed 10,000 rows
 * in ({@link ReconciliationPage}). At the end the run's payments are topped up with a history of
 * old, settled payments ({@link HistoryRows}: written straight into both ledgers, credited, random
 * ids like real ones, spread over the six days before the run), and then:
 *
 * <ul>
 *   <li>the same page a million rows in: the feed pages by {@code seq}, so its query must not grow;
 *       the dedup lookups of each page may, once the tables outgrow the database's memory;</li>
 *   <li>the deep sweep ({@code POST /accounts/reconciliation/sweeps}) over the whole history: both
 *       ledgers totalled window by window, as its job does over its seven-day lookback.</li>
 * </ul>
 * The history goes in after the table growth is read, so it does not blur that.
 *
 * @param historyPayments payments written as history
 * @param insertSeconds   how long writing them into both ledgers took
 * @param near            the reconciliation's page with 10,000 rows before its cursor, early in the run
 * @param deep            the same with a million rows before it, after the history
 * @param deepVsNear      the ratio of the two reconciliation pages (flat is 1.0)
 * @param sweep           the deep sweep over the whole history
 */
record LedgerHistory(
        long historyPayments,
        double insertSeconds,
        ReconciliationPage near,
        ReconciliationPage deep,
        double deepVsNear,
        SweepCost sweep) {

    /** One deep sweep over the history, as the account service reported it, and how long it took. */
    record SweepCost(double seconds, long payments, int windows, int differing, int listed, int credited, int alarms) {}

    /** Runs per depth: a small history checks the machinery only. */
    static int runs(int payments) {
        return payments >= 100_000 ? 3 : 1;
    }

    static LedgerHistory measure(
            Databases db,
            Http http,
            String payUrl,
            String accountUrl,
            ReconciliationPage near,
            int payments,
            String run,
            PrintStream out) {
        out.println("== history: " + payments + " settled payments written into both ledgers");
        long started = System.nanoTime();
        HistoryRows.Span span = new HistoryRows(db, run).write(payments);
        double insertSeconds = Stats.round((System.nanoTime() - started) / 1e9);
        out.printf("  written in %.1f s%n", insertSeconds);
        // A million rows in, or as deep as a small run's ledger allows (ReconciliationPage keeps the page inside it).
        ReconciliationPage deep = ReconciliationPage.measure(db, http, payUrl, accountUrl, 1_000_000, runs(payments));
        SweepCost sweep = sweep(http, accountUrl, span, payments);
        return new LedgerHistory(
                        payments, insertSeconds, near, deep, Stats.round(deep.msPerPage() / near.msPerPage()), sweep)
                .printed(out);
    }

    private LedgerHistory printed(PrintStream out) {
        out.printf(
                "  reconciliation page: %.2f ms (feed alone %.2f) at %d rows in of %d; %.2f ms (feed alone %.2f)"
                        + " at %d rows in of %d (x%.2f)%n  deep sweep over the history: %.1f s"
                        + " (%d windows, %d differing, %d credited)%n",
                near.msPerPage(),
                near.feedMsPerPage(),
                near.rowsBeforeCursor(),
                near.rowsInLedger(),
                deep.msPerPage(),
                deep.feedMsPerPage(),
                deep.rowsBeforeCursor(),
                deep.rowsInLedger(),
                deepVsNear,
                sweep.seconds(),
                sweep.windows(),
                sweep.differing(),
                sweep.credited());
        return this;
    }

    private static SweepCost sweep(Http http, String accountUrl, HistoryRows.Span span, long payments) {
        String url = accountUrl + "/accounts/reconciliation/sweeps?from=" + instant(span.from()) + "&to="
                + instant(span.to());
        for (int attempt = 0; attempt < 600; attempt++) {
            long started = System.nanoTime();
            Reply reply = http.post(url, "", null);
            double seconds = (System.nanoTime() - started) / 1e9;
            reply.requireOk("deep sweep");
            if (Boolean.parseBoolean(reply.field("ran"))) {
                return new SweepCost(
                        Stats.round(seconds),
                        payments,
                        Integer.parseInt(reply.field("windows")),
                        Integer.parseInt(reply.field("differing")),
                        Integer.parseInt(reply.field("listed")),
                        Integer.parseInt(reply.field("credited")),
                        Integer.parseInt(reply.field("alarms")));
            }
            Waits.sleep(100); // another sweep holds the lock
        }
        throw new IllegalStateException("the deep sweep's lock was never free for 60 s");
    }

    /** The database's times are UTC (the services run it so). */
    private static String instant(LocalDateTime time) {
        return time.toInstant(ZoneOffset.UTC).toString();
    }
}
