package io.dtx.account.reconcile;

import java.util.List;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/** Where reconciliation stopped reading the pay side's feed, kept in {@code bank1.reconcile_cursor}. */
@Component
class ReconcileCursor {

    private final JdbcTemplate jdbc;

    ReconcileCursor(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    long load(String name) {
        List<String> values =
                jdbc.queryForList("SELECT cursor_value FROM reconcile_cursor WHERE name = ?", String.class, name);
        return values.isEmpty() ? 0 : Long.parseLong(values.get(0));
    }

    void save(String name, long value) {
        String cursor = Long.toString(value);
        jdbc.update("""
                INSERT INTO reconcile_cursor (name, cursor_value) VALUES (?, ?)
                ON DUPLICATE KEY UPDATE cursor_value = ?, updated_at = UTC_TIMESTAMP(3)""", name, cursor, cursor);
    }
}
