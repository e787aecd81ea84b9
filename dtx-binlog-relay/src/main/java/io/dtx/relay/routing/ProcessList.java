package io.dtx.relay.routing;

import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Which database user a connection (thread) belongs to: a snapshot of the server's process list,
 * taken again on a miss. A thread id names one connection for the server's whole life (ids only
 * grow); after a restart they start again, so an event written before the server's current start
 * is never resolved from today's list: that connection is gone, and its id may be someone else's.
 */
@Component
public class ProcessList {

    private final JdbcTemplate jdbc;
    private Map<Long, String> users = Map.of();
    private Instant serverStartedAt = Instant.EPOCH;
    private Boolean mariaDb;

    ProcessList(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
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
            mariaDb = jdbc.queryForObject("SELECT VERSION()", String.class).contains("MariaDB");
        }
        // MySQL 8.4 deprecates information_schema.PROCESSLIST for performance_schema's.
        String table = mariaDb ? "information_schema.PROCESSLIST" : "performance_schema.processlist";
        Map<Long, String> snapshot = new HashMap<>();
        jdbc.query("SELECT ID, USER FROM " + table, row -> {
            snapshot.put(row.getLong(1), row.getString(2));
        });
        Long uptime = jdbc.queryForObject(
                "SELECT VARIABLE_VALUE FROM " + (mariaDb ? "information_schema" : "performance_schema")
                        + ".GLOBAL_STATUS WHERE VARIABLE_NAME = 'UPTIME'",
                Long.class);
        users = snapshot;
        serverStartedAt = Instant.now().minusSeconds(uptime == null ? 0 : uptime);
    }
}
