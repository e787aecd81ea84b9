package io.dtx.walkthrough.bench;

import io.dtx.walkthrough.probe.Databases;
import io.dtx.walkthrough.probe.Http;
import io.dtx.walkthrough.probe.Reply;
import io.dtx.walkthrough.probe.Waits;
import java.util.ArrayList;
import java.util.List;

/**
 * What one page of the reconciliation costs at a given depth of the pay ledger, timed two ways:
 * the account service's own run ({@code POST /accounts/reconciliation/runs}, its cursor set to the
 * position first: a feed page of 200 and a dedup lookup for each of its payments), and the pay
 * side's feed page alone ({@code GET /pay/recharges?after=}, the query that pages by {@code seq}).
 * Median over {@code runs} runs, after one run that is not counted.
 *
 * @param rowsInLedger     the pay ledger's rows when measured
 * @param rowsBeforeCursor where the cursor was put (less if the ledger holds fewer than it and 10,000 more)
 * @param pagesPerRun      pages one run read (at most 50, the service's limit per run)
 * @param msPerPage        a reconciliation run's time per page
 * @param feedMsPerPage    the feed page alone, as the pay service answers it
 */
record ReconciliationPage(
        long rowsInLedger, long rowsBeforeCursor, int runs, int pagesPerRun, double msPerPage, double feedMsPerPage) {

    private static final String CURSOR = "pay-feed";
    private static final int FEED_PAGES = 20;

    static ReconciliationPage measure(
            Databases db, Http http, String payUrl, String accountUrl, long rowsIn, int runs) {
        long rows = db.scalar("bank1_pay", "SELECT COUNT(*) FROM account_pay", Long.class);
        // A run reads up to 50 pages of 200: the page must end inside the ledger (a small run's holds few).
        long at = Math.min(rowsIn, Math.max(0, rows - 10_001));
        long seq = at <= 0
                ? 0
                : db.scalar(
                        "bank1_pay", "SELECT seq FROM account_pay ORDER BY seq LIMIT 1 OFFSET ?", Long.class, at - 1);
        List<Double> costs = new ArrayList<>();
        List<Double> feedCosts = new ArrayList<>();
        int pages = 0;
        for (int i = 0; i <= runs; i++) {
            double[] run = run(db, http, accountUrl, seq);
            double feed = feedPage(http, payUrl, seq);
            if (i > 0) { // the first run warms both services' code paths
                costs.add(run[0]);
                feedCosts.add(feed);
                pages = (int) run[1];
            }
        }
        // Leave the cursor at the end, as a reconciliation that had read it all would.
        setCursor(db, db.scalar("bank1_pay", "SELECT MAX(seq) FROM account_pay", Long.class));
        return new ReconciliationPage(
                rows, Math.max(0, at), runs, pages, Stats.round(median(costs)), Stats.round(median(feedCosts)));
    }

    /** One reconciliation run from {@code seq}: ms per page, and its pages. */
    private static double[] run(Databases db, Http http, String accountUrl, long seq) {
        for (int attempt = 0; attempt < 600; attempt++) {
            setCursor(db, seq);
            long started = System.nanoTime();
            Reply reply = http.post(accountUrl + "/accounts/reconciliation/runs", "", null);
            double ms = (System.nanoTime() - started) / 1e6;
            reply.requireOk("reconciliation run");
            if (Boolean.parseBoolean(reply.field("ran"))) {
                int pages = Math.max(1, Integer.parseInt(reply.field("pagesRead")));
                return new double[] {ms / pages, pages};
            }
            Waits.sleep(100); // another run holds the lock (the job is off in the benchmark)
        }
        throw new IllegalStateException("the reconciliation's lock was never free for 60 s");
    }

    /** The pay side's feed page alone: {@code FEED_PAGES} pages from {@code seq} on, ms per page. */
    private static double feedPage(Http http, String payUrl, long seq) {
        long after = seq;
        long started = System.nanoTime();
        for (int i = 0; i < FEED_PAGES; i++) {
            Reply page = http.get(payUrl + "/pay/recharges?after=" + after + "&limit=200")
                    .requireOk("feed page");
            after = Long.parseLong(page.field("nextAfter"));
        }
        return (System.nanoTime() - started) / 1e6 / FEED_PAGES;
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

    private static double median(List<Double> values) {
        List<Double> sorted = values.stream().sorted().toList();
        return sorted.get(sorted.size() / 2);
    }
}
