package io.dtx.walkthrough.bench;

import io.dtx.walkthrough.probe.Databases;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * How the tables grow with payments, read at the end of a run from the database's own statistics
 * (after ANALYZE TABLE): each table's exact rows and its bytes on disk (data and indexes, in
 * InnoDB's 16 KB pages, so a small table shows its pages rather than its rows), and both scaled to
 * a million payments. What the run did not exercise (the notifier's tables when it did not run)
 * shows as it is.
 *
 * @param payments the payments in {@code bank1_pay.account_pay} when read
 */
record TableGrowth(long payments, List<Table> tables) {

    /**
     * One table: exact rows, bytes on disk, and both per million payments: of all the run's, or for
     * the notifier's tables, of those it notified (it runs in one part of the run only).
     */
    record Table(
            String table,
            long rows,
            long bytes,
            long ofPayments,
            double rowsPerMillionPayments,
            double megabytesPerMillionPayments) {}

    private static final List<String> SCHEMAS = List.of("bank1_pay", "bank1", "dtx_notify", "dtx_relay");

    static TableGrowth read(Databases db) {
        long payments = db.scalar("bank1_pay", "SELECT COUNT(*) FROM account_pay", Long.class);
        List<Table> tables = new ArrayList<>();
        long notified = db.scalar("dtx_notify", "SELECT COUNT(DISTINCT tx_no) FROM notification", Long.class);
        for (String schema : SCHEMAS) {
            long basis = schema.equals("dtx_notify") && notified > 0 ? notified : payments;
            List<Map<String, Object>> rows = db.rows(
                    "bank1_pay",
                    "SELECT table_name AS name FROM information_schema.tables WHERE table_schema = ?"
                            + " AND table_type = 'BASE TABLE' ORDER BY table_name",
                    schema);
            for (Map<String, Object> row : rows) {
                tables.add(table(db, schema, (String) row.get("name"), basis));
            }
        }
        return new TableGrowth(payments, tables);
    }

    TableGrowth printed(PrintStream out) {
        tables.forEach(t -> out.printf(
                "  %-32s %9d rows %12d bytes   per million payments: %12.0f rows %9.1f MB%n",
                t.table(), t.rows(), t.bytes(), t.rowsPerMillionPayments(), t.megabytesPerMillionPayments()));
        return this;
    }

    private static Table table(Databases db, String schema, String name, long payments) {
        String qualified = schema + "." + name;
        db.rows(schema, "ANALYZE TABLE " + qualified); // fresh page counts for information_schema
        long count = db.scalar(schema, "SELECT COUNT(*) FROM " + qualified, Long.class);
        long bytes = db.scalar(
                schema,
                "SELECT data_length + index_length FROM information_schema.tables"
                        + " WHERE table_schema = ? AND table_name = ?",
                Long.class,
                schema,
                name);
        double perMillion = payments == 0 ? 0 : 1e6 / payments;
        return new Table(
                qualified,
                count,
                bytes,
                payments,
                Stats.round(count * perMillion),
                Stats.round(bytes * perMillion / 1e6));
    }
}
