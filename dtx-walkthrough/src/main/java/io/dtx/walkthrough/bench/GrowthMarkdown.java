package io.dtx.walkthrough.bench;

/**
 * The parts of {@code latest.md} after the scenarios: the curve, the backlog, the tables, the notifier's
 * rate, the long history and the cleanups at work.
 */
final class GrowthMarkdown {

    private GrowthMarkdown() {}

    /** Each of those parts the run measured. */
    static void append(StringBuilder md, BenchReport report) {
        if (report.concurrencyCurve() != null) {
            appendCurve(md, report.concurrencyCurve());
        }
        if (report.backlogDrain() != null) {
            BacklogDrain d = report.backlogDrain();
            md.append(String.format(
                    "%nBacklog: %d payments taken with the account service down, credited at %s/s once it was back"
                            + " (steady %s/s: %.0f%%)%n",
                    d.payments(), d.drainedPerSecond(), d.steadyPerSecond(), 100 * d.drainVsSteady()));
        }
        if (report.tableGrowth() != null) {
            appendGrowth(md, report.tableGrowth());
        }
        if (report.notifier() != null) {
            NotifierRate n = report.notifier();
            md.append(String.format(
                    "%nNotifier: %d payment results delivered to the account service's callback at %s/s"
                            + " (%.0f%% of dtx's saturation rate; %d attempts failed)%n",
                    n.notifications(), n.deliveredPerSecond(), 100 * n.vsDtx(), n.failedAttempts()));
        }
        if (report.ledgerHistory() != null) {
            appendHistory(md, report.ledgerHistory());
        }
        if (report.retention() != null) {
            appendRetention(md, report.retention());
        }
    }

    /** Each bounded table's cleanup: rows past their retention, and how fast its job removed them. */
    private static void appendRetention(StringBuilder md, RetentionAtWork retention) {
        md.append("\n| table | removed by | rows past retention | seconds | rows/s |\n|---|---|---:|---:|---:|\n");
        for (RetentionAtWork.Cleanup c : retention.cleanups()) {
            md.append(String.format(
                    "| %s | %s | %d | %s | %s |%n", c.table(), c.job(), c.rows(), c.seconds(), c.rowsPerSecond()));
        }
    }

    /** The concurrency curve's table, the knee named. */
    private static void appendCurve(StringBuilder md, ConcurrencyCurve curve) {
        md.append("\n| clients (dtx, many accounts) | recharges/s credited | time-to-credit p50 / p99 (ms) |\n")
                .append("|---:|---:|---|\n");
        for (ConcurrencyCurve.Point p : curve.points()) {
            md.append(String.format(
                    "| %d%s | %s | %s / %s |%n",
                    p.clients(),
                    p.clients() == curve.kneeClients() ? " (knee)" : "",
                    p.creditedPerSecond(),
                    p.creditMsP50(),
                    p.creditMsP99()));
        }
    }

    /** Rows and bytes per table, and per million payments. */
    private static void appendGrowth(StringBuilder md, TableGrowth growth) {
        md.append("\n| table (after ")
                .append(growth.payments())
                .append(" payments) | rows | bytes | of payments")
                .append(" | rows per million payments | MB per million payments |")
                .append("\n|---|---:|---:|---:|---:|---:|\n");
        for (TableGrowth.Table t : growth.tables()) {
            md.append(String.format(
                    "| %s | %d | %d | %d | %.0f | %.1f |%n",
                    t.table(),
                    t.rows(),
                    t.bytes(),
                    t.ofPayments(),
                    t.rowsPerMillionPayments(),
                    t.megabytesPerMillionPayments()));
        }
    }

    /** The reconciliation's page near the start and deep in a long history, and the sweep over it. */
    private static void appendHistory(StringBuilder md, LedgerHistory h) {
        LedgerHistory.SweepCost s = h.sweep();
        md.append("\n| reconciliation page (200 payments) | rows in the pay ledger | before the cursor"
                        + " | ms per page (run) | ms per page (feed alone) |\n")
                .append("|---|---:|---:|---:|---:|\n");
        page(md, "early in the run", h.near());
        page(md, "after the history", h.deep());
        md.append(String.format(
                "%nHistory: %d settled payments written into both ledgers in %s s; the page after it costs x%s the"
                        + " early one (median of %d runs each). Deep sweep over the history: %s s, %d windows"
                        + " compared, %d differing, %d listed, %d credited, %d alarms.%n",
                h.historyPayments(),
                h.insertSeconds(),
                h.deepVsNear(),
                h.near().runs(),
                s.seconds(),
                s.windows(),
                s.differing(),
                s.listed(),
                s.credited(),
                s.alarms()));
    }

    private static void page(StringBuilder md, String when, ReconciliationPage p) {
        md.append(String.format(
                "| %s | %d | %d | %s | %s |%n",
                when, p.rowsInLedger(), p.rowsBeforeCursor(), p.msPerPage(), p.feedMsPerPage()));
    }
}
