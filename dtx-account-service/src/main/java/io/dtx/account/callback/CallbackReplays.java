package io.dtx.account.callback;

import java.time.Duration;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Signed calls already taken ({@code bank1.callback_seen}): the primary key (webhook-id, timestamp)
 * refuses the second sight of a call, however close together the two arrive. Rows older than the
 * signature's tolerance can never match a valid call again.
 */
@Component
class CallbackReplays {

    private final JdbcTemplate jdbc;

    CallbackReplays(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** @return false if this exact call (id and timestamp) was taken before */
    boolean firstSight(String webhookId, long timestamp) {
        try {
            jdbc.update("INSERT INTO callback_seen (webhook_id, sent_at) VALUES (?, ?)", webhookId, timestamp);
            return true;
        } catch (DuplicateKeyException replay) {
            return false;
        }
    }

    /** @return rows removed (at most 1000 per statement) */
    int forgetOlderThan(Duration age) {
        return jdbc.update(
                "DELETE FROM callback_seen WHERE seen_at < DATE_SUB(UTC_TIMESTAMP(3), INTERVAL ? SECOND) LIMIT 1000",
                age.toSeconds());
    }
}
