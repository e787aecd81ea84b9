package io.dtx.notifier.subscription;

import io.dtx.notifier.schedule.Schedule;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Collection;
import java.util.List;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/** The SQL of {@code dtx_notify.subscription}. */
@Repository
class SubscriptionTable {

    private final JdbcTemplate jdbc;

    SubscriptionTable(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** Configuration wins for what it defines; the enabled state stays the notifier's. */
    void upsert(String id, String url, String schedule, String ackBody) {
        jdbc.update(
                "INSERT INTO subscription (id, url, schedule, ack_body) VALUES (?, ?, ?, ?)"
                        + " ON DUPLICATE KEY UPDATE url = VALUES(url), schedule = VALUES(schedule),"
                        + " ack_body = VALUES(ack_body), update_time = UTC_TIMESTAMP(3)",
                id,
                url,
                schedule,
                blankToNull(ackBody));
    }

    /** A subscription the configuration no longer names has no secret to sign with: off. */
    void disableAllBut(Collection<String> configured) {
        for (Subscription s : all()) {
            if (!configured.contains(s.id()) && s.enabled()) {
                setEnabled(s.id(), false, "no longer configured");
            }
        }
    }

    List<Subscription> all() {
        return jdbc.query(
                "SELECT id, url, schedule, ack_body, enabled, disabled_reason FROM subscription ORDER BY id",
                SubscriptionTable::row);
    }

    boolean setEnabled(String id, boolean enabled, String reason) {
        return jdbc.update(
                        "UPDATE subscription SET enabled = ?, disabled_reason = ?, update_time = UTC_TIMESTAMP(3)"
                                + " WHERE id = ?",
                        enabled,
                        enabled ? null : reason,
                        id)
                == 1;
    }

    private static Subscription row(ResultSet rs, int n) throws SQLException {
        return new Subscription(
                rs.getString("id"),
                rs.getString("url"),
                Schedule.parse(rs.getString("schedule")),
                rs.getString("ack_body"),
                rs.getBoolean("enabled"),
                rs.getString("disabled_reason"));
    }

    private static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text.strip();
    }
}
