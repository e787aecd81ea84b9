package io.dtx.walkthrough.bench;

/** The parts of {@code latest.md} about growth: the curve, the backlog, the tables, the long history. */
final class GrowthMarkdown {

    private GrowthMarkdown() {}

    /** The curve, the backlog and the tables, when the run measured them. */
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
        md.append(String.format(
                "%nHistory: %d settled payments written into both ledgers in %s s. Reconciliation page (200 rows):"
                        + " %s ms with %d rows before the cursor, %s ms with %d (x%s), median of %d runs of %d pages."
                        + " Deep sweep over the history: %s s, %d windows compared, %d differing, %d listed,"
                        + " %d credited, %d alarms.%n",
                h.historyPayments(),
                h.insertSeconds(),
                h.near().msPerPage(),
                h.near().rowsBeforeCursor(),
                h.deep().msPerPage(),
                h.deep().rowsBeforeCursor(),
                h.deepVsNear(),
                h.near().runs(),
                h.near().pagesPerRun(),
                s.seconds(),
                s.windows(),
                s.differing(),
                s.listed(),
                s.credited(),
                s.alarms()));
    }
}
