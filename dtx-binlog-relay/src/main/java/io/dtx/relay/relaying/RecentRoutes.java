package io.dtx.relay.relaying;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.springframework.stereotype.Component;

/**
 * Where this process published each recent payment. The position is saved at most every 200 ms,
 * so after a reconnect (a database restart, a broker outage) the relay reads again payments it
 * has already published. If their connection is gone by then, the process list can no longer say
 * whose they were, and they would land in the exception table, where a person might send one to
 * another environment: credited in two. Remembering the route the relay took keeps the second
 * publication where the first went (the account side's dedup absorbs it). A crash forgets this;
 * see docs/design.md for what is left.
 */
@Component
class RecentRoutes {

    /** Far more than are ever published between two saved positions. */
    private static final int KEPT = 20_000;

    private final Map<String, String> environments = new LinkedHashMap<>(1024, 0.75f, false) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, String> eldest) {
            return size() > KEPT;
        }
    };

    synchronized void published(String txNo, String environment) {
        environments.put(txNo, environment);
    }

    synchronized Optional<String> environmentOf(String txNo) {
        return Optional.ofNullable(environments.get(txNo));
    }
}
