package io.dtx.relay.routing;

import io.dtx.relay.binlog.SourceServer;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Which database user a connection (thread) belongs to: a snapshot of the server's process list,
 * taken again on a miss, and forgotten whenever the relay connects again (the server may have
 * restarted meanwhile). Thread ids grow for a server's whole run (they wrap only after 2^32
 * connections); after a restart they start again, so an event written before the server's current
 * start (both times on the server's clock) is never resolved from today's list: that connection is
 * gone, and its id may be someone else's. Connections still logging in, and the server's own
 * threads, are not cached: their user is not known yet, or is nobody's.
 */
@Component
public class ProcessList {

    /** Process list users that are no login of an application. */
    private static final Set<String> NOT_A_LOGIN = Set.of("unauthenticated user", "system user", "event_scheduler");

    private final JdbcTemplate jdbc;
    private final SourceServer source;
    private Map<Long, String> users = Map.of();
    private Instant serverStartedAt = Instant.EPOCH;
    private Boolean mariaDb;

    ProcessList(JdbcTemplate jdbc, SourceServer source) {
        this.jdbc = jdbc;
        this.source = source;
    }

    /** Forgets everything: the next lookup reads the process list and the server's start again. */
    public synchronized void forget() {
        users = Map.of();
        serverStartedAt = Instant.EPOCH;
    }

    /**
     * @param threadId  from the binlog
     * @param writtenAt when the server wrote the transaction (the binlog's second precision)
     * @return the user, or empty if the connection is gone (or predates the server's start)
     */
    public synchronized Optional<String> userOf(long threadId, Instant writtenAt) {
        if (!users.containsKey(threadId)) {
            refresh();
        }
        // Second precision on both sides: an event in the very second of the start is not trusted.
        if (!writtenAt.isAfter(serverStartedAt.plusSeconds(1))) {
            return Optional.empty();
        }
        return Optional.ofNullable(users.get(threadId));
    }

    private void refresh() {
        if (mariaDb == null) {
            mariaDb = source.isMariaDb();
        }
        // MySQL 8.4 deprecates information_schema.PROCESSLIST for performance_schema's.
        String table = mariaDb ? "information_schema.PROCESSLIST" : "performance_schema.processlist";
        Map<Long, String> snapshot = new HashMap<>();
        jdbc.query("SELECT ID, USER FROM " + table, row -> {
            String user = row.getString(2);
            if (user != null && !NOT_A_LOGIN.contains(user)) {
                snapshot.put(row.getLong(1), user);
            }
        });
        // The server's own clock, as the binlog's timestamps; performance_schema's name is lower case.
        Long startedAt = jdbc.queryForObject(
                "SELECT UNIX_TIMESTAMP() - VARIABLE_VALUE FROM "
                        + (mariaDb ? "information_schema.GLOBAL_STATUS" : "performance_schema.global_status")
                        + " WHERE VARIABLE_NAME = 'UPTIME'",
                Long.class);
        users = snapshot;
        serverStartedAt = Instant.ofEpochSecond(startedAt == null ? Long.MAX_VALUE / 2 : startedAt);
    }
}
