package io.dtx.account.callback;

import java.time.Duration;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Signed calls already taken ({@code bank1.callback_seen}): the primary key (webhook-id, timestamp)
 * refuses the second sight of a call, however close together the two arrive.
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

    /** A call whose credit failed: forgotten, so the notifier's next attempt is taken even in the same second. */
    void forget(String webhookId, long timestamp) {
        jdbc.update("DELETE FROM callback_seen WHERE webhook_id = ? AND sent_at = ?", webhookId, timestamp);
    }

    /**
     * Removes calls whose own timestamp is older than {@code age}: a call that old fails the
     * signature's five-minute check anyway, so it can never be replayed successfully.
     *
     * @return rows removed (at most 1000 per statement)
     */
    int forgetOlderThan(Duration age) {
        return jdbc.update(
                "DELETE FROM callback_seen WHERE sent_at < UNIX_TIMESTAMP() - ? LIMIT 1000", age.toSeconds());
    }
}
