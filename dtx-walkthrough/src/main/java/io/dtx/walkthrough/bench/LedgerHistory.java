package io.dtx.walkthrough.bench;

import io.dtx.walkthrough.probe.Databases;
import io.dtx.walkthrough.probe.Http;
import io.dtx.walkthrough.probe.Reply;
import java.io.PrintStream;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

/**
 * A long history, and what the safety nets cost over it. The run's payments are topped up with a
 * history of old, settled payments (written straight into both ledgers, credited, spread over the
 * six days before the last hour), then:
 *
 * <ul>
 *   <li>the reconciliation's page, run by the account service itself ({@code POST
 *       /accounts/reconciliation/runs}) with its cursor put 10,000 rows into the pay ledger and then
 *       a million rows in: the feed pages by {@code seq}, so the cost per page must not grow;</li>
 *   <li>the deep sweep ({@code POST /accounts/reconciliation/sweeps}) over the whole history: both
 *       ledgers totalled window by window, as its job does over its seven-day lookback.</li>
 * </ul>
 * The history goes in after the table growth is read, so it does not blur that.
 *
 * @param historyPayments payments written as history
 * @param insertSeconds   how long writing them into both ledgers took
 * @param near            the reconciliation's page cost with 10,000 rows before its cursor
 * @param deep            the same with a million rows before it (or as deep as the history goes)
 * @param deepVsNear      the ratio of the two costs per page (flat is 1.0)
 * @param sweep           the deep sweep over the whole history
 */
record LedgerHistory(
        long historyPayments, double insertSeconds, PageCost near, PageCost deep, double deepVsNear, SweepCost sweep) {

    /** Median over {@code runs} reconciliation runs of the time per feed page, with its position. */
    record PageCost(long rowsBeforeCursor, int runs, int pagesPerRun, double msPerPage) {}

    /** One deep sweep over the history, as the account service reported it, and how long it took. */
    record SweepCost(double seconds, long payments, int windows, int differing, int listed, int credited, int alarms) {}

    private static final String CURSOR = "pay-feed";

    static LedgerHistory measure(
            Databases db, Http http, String accountUrl, int payments, String run, PrintStream out) {
        out.println("== history: " + payments + " settled payments written into both ledgers");
        long started = System.nanoTime();
        HistoryRows.Span span = new HistoryRows(db, run).write(payments);
        double insertSeconds = Stats.round((System.nanoTime() - started) / 1e9);
        out.printf("  written in %.1f s%n", insertSeconds);
        long rows = db.scalar("bank1_pay", "SELECT COUNT(*) FROM account_pay", Long.class);
        // The page must end inside the table: a run reads up to 50 pages of 200.
        long deepRows = Math.min(1_000_000, rows - 10_001);
        int runs = payments >= 100_000 ? 3 : 1; // a small history checks the machinery only
        List<Double> nearCosts = new ArrayList<>();
        List<Double> deepCosts = new ArrayList<>();
        int nearPages = 0;
        int deepPages = 0;
        pageCost(db, http, accountUrl, deepRows); // warms both services' code paths; not counted
        for (int i = 0; i < runs; i++) {
            double[] nearRun = pageCost(db, http, accountUrl, 10_000);
            double[] deepRun = pageCost(db, http, accountUrl, deepRows);
            nearCosts.add(nearRun[0]);
            deepCosts.add(deepRun[0]);
            nearPages = (int) nearRun[1];
            deepPages = (int) deepRun[1];
        }
        // Leave the cursor at the end, as a reconciliation that had read it all would.
        setCursor(db, db.scalar("bank1_pay", "SELECT MAX(seq) FROM account_pay", Long.class));
        PageCost near = new PageCost(10_000, runs, nearPages, Stats.round(median(nearCosts)));
        PageCost deep = new PageCost(deepRows, runs, deepPages, Stats.round(median(deepCosts)));
        SweepCost sweep = sweep(http, accountUrl, span, payments);
        return new LedgerHistory(
                        payments, insertSeconds, near, deep, Stats.round(deep.msPerPage() / near.msPerPage()), sweep)
                .printed(out);
    }

    private LedgerHistory printed(PrintStream out) {
        out.printf(
                "  reconciliation page: %.2f ms at %d rows in, %.2f ms at %d rows in (x%.2f);"
                        + " deep sweep over the history: %.1f s (%d windows, %d differing, %d credited)%n",
                near.msPerPage(),
                near.rowsBeforeCursor(),
                deep.msPerPage(),
                deep.rowsBeforeCursor(),
                deepVsNear,
                sweep.seconds(),
                sweep.windows(),
                sweep.differing(),
                sweep.credited());
        return this;
    }

    /** One reconciliation run from {@code rowsIn} rows into the ledger: ms per page, and its pages. */
    private static double[] pageCost(Databases db, Http http, String accountUrl, long rowsIn) {
        long seq = db.scalar(
                "bank1_pay", "SELECT seq FROM account_pay ORDER BY seq LIMIT 1 OFFSET ?", Long.class, rowsIn - 1);
        for (int attempt = 0; attempt < 600; attempt++) {
            setCursor(db, seq);
            long started = System.nanoTime();
            Reply reply = http.post(accountUrl + "/accounts/reconciliation/runs", "", null);
            double ms = (System.nanoTime() - started) / 1e6;
            requireOk(reply, "reconciliation run");
            if (Boolean.parseBoolean(reply.field("ran"))) {
                int pages = Integer.parseInt(reply.field("pagesRead"));
                return new double[] {ms / pages, pages};
            }
            pause(); // another run holds the lock (the job is off in the benchmark; a person may run one)
        }
        throw new IllegalStateException("the reconciliation's lock was never free for 60 s");
    }

    private static SweepCost sweep(Http http, String accountUrl, HistoryRows.Span span, long payments) {
        String url = accountUrl + "/accounts/reconciliation/sweeps?from=" + instant(span.from()) + "&to="
                + instant(span.to());
        for (int attempt = 0; attempt < 600; attempt++) {
            long started = System.nanoTime();
            Reply reply = http.post(url, "", null);
            double seconds = (System.nanoTime() - started) / 1e9;
            requireOk(reply, "deep sweep");
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
            pause(); // another sweep holds the lock
        }
        throw new IllegalStateException("the deep sweep's lock was never free for 60 s");
    }

    private static void setCursor(Databases db, long seq) {
        db.update(
                "bank1",
                "INSERT INTO reconcile_cursor (name, cursor_value) VALUES (?, ?)"
                        + " ON DUPLICATE KEY UPDATE cursor_value = ?",
                CURSOR,
                Long.toString(seq),
                Long.toString(seq));
    }

    private static void requireOk(Reply reply, String what) {
        if (reply.status() != 200) {
            throw new IllegalStateException(what + " answered " + reply.status() + ": " + reply.body());
        }
    }

    /** The database's times are UTC (the services run it so). */
    private static String instant(LocalDateTime time) {
        return time.toInstant(ZoneOffset.UTC).toString();
    }

    private static double median(List<Double> values) {
        List<Double> sorted = values.stream().sorted().toList();
        return sorted.get(sorted.size() / 2);
    }

    private static void pause() {
        try {
            Thread.sleep(100);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
