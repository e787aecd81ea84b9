package io.dtx.walkthrough.chaos;

import io.dtx.walkthrough.probe.Databases;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * When the campaign does not converge, what a person needs to start from: the payments still
 * without a credit, what the account side holds about each (suspense, poison), where its cursor
 * stands, and the account services' last warnings. Printed and kept in the report, because a CI
 * run may show nothing else.
 */
final class StuckPayments {

    private static final int SHOWN = 5;
    private static final int LOG_LINES = 12;
    private static final int LINE_CHARS = 300;

    private StuckPayments() {}

    static List<String> describe(Databases db, Path logDir) {
        List<String> lines = new ArrayList<>();
        lines.add("database time " + db.scalar("bank1", "SELECT NOW(3)", Object.class));
        for (Map<String, Object> payment : db.rows(
                "bank1_pay",
                "SELECT p.id, p.seq, p.account_no, p.created_at " + Verdict.UNCREDITED + " ORDER BY p.seq LIMIT ?",
                SHOWN)) {
            String txNo = (String) payment.get("id");
            lines.add("uncredited " + payment + " suspense "
                    + db.rows("bank1", "SELECT status, held_by, attempts FROM suspense WHERE tx_no = ?", txNo)
                    + " poison " + db.rows("bank1", "SELECT reason FROM poison_message WHERE tx_no = ?", txNo)
                    + " account "
                    + db.rows("bank1", "SELECT id FROM account_info WHERE account_no = ?", payment.get("account_no")));
        }
        lines.add("cursors " + db.rows("bank1", "SELECT name, cursor_value, updated_at FROM reconcile_cursor"));
        lines.addAll(lastWarnings(logDir.resolve("account.log")));
        lines.addAll(lastWarnings(logDir.resolve("account-2.log")));
        return lines;
    }

    private static List<String> lastWarnings(Path log) {
        if (!Files.exists(log)) {
            return List.of(log.getFileName() + ": no log");
        }
        try (Stream<String> all = Files.lines(log)) {
            List<String> warnings = all.filter(l -> l.contains(" WARN ") || l.contains(" ERROR "))
                    .toList();
            List<String> last = warnings.subList(Math.max(0, warnings.size() - LOG_LINES), warnings.size());
            return last.stream()
                    .map(l -> log.getFileName() + ": " + l.substring(0, Math.min(l.length(), LINE_CHARS)))
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
