package io.dtx.notifier.retention;

import java.time.Duration;
import java.time.temporal.ChronoUnit;
import java.util.Collections;
import java.util.List;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/** The retention's SQL: the only code that deletes from {@code notification} and {@code delivery_attempt}. */
@Repository
class ExpiredNotifications {

    private final JdbcTemplate jdbc;

    ExpiredNotifications(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * Locks up to {@code limit} notifications delivered more than {@code age} ago. Locked, so a
     * person's re-send (which turns one pending again) waits for this batch, or this batch skips it.
     */
    List<Long> lockDeliveredBefore(Duration age, int limit) {
        return jdbc.queryForList(
                "SELECT id FROM notification WHERE status = 'delivered'"
                        + " AND delivered_at < DATE_SUB(UTC_TIMESTAMP(3), INTERVAL ? MICROSECOND)"
                        + " ORDER BY delivered_at LIMIT ? FOR UPDATE SKIP LOCKED",
                Long.class,
                age.get(ChronoUnit.SECONDS) * 1_000_000L + age.getNano() / 1_000,
                limit);
    }

    /** Removes the notifications and their attempts; returns how many attempts went. */
    int remove(List<Long> ids) {
        if (ids.isEmpty()) {
            return 0;
        }
        String in = String.join(",", Collections.nCopies(ids.size(), "?"));
        Object[] args = ids.toArray();
        int attempts = jdbc.update("DELETE FROM delivery_attempt WHERE notification_id IN (" + in + ")", args);
        jdbc.update("DELETE FROM notification WHERE id IN (" + in + ")", args);
        return attempts;
    }
}
