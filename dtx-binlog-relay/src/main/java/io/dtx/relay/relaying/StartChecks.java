package io.dtx.relay.relaying;

import io.dtx.relay.binlog.BinlogSettings;
import io.dtx.relay.binlog.SourceServer;
import io.dtx.relay.routing.RoutingSettings;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import javax.sql.DataSource;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * What must hold before the relay reads anything, each refused with a message that says why: a
 * binlog it can read whole, thread ids if routing is on, its own schema as configured, and no
 * other relay of the same name at work (two would fight over one position, and a MySQL server
 * drops one of two replicas with the same server id).
 */
@Component
class StartChecks {

    private final SourceServer source;
    private final RoutingSettings routing;
    private final BinlogSettings settings;
    private final DataSource dataSource;
    private final String relayName;
    private Connection lockHolder;
    private Instant lockCheckedAt = Instant.EPOCH;

    StartChecks(
            SourceServer source,
            RoutingSettings routing,
            BinlogSettings settings,
            DataSource dataSource,
            @Value("${dtx.relay.name:binlog-relay}") String relayName) {
        this.source = source;
        this.routing = routing;
        this.settings = settings;
        this.dataSource = dataSource;
        this.relayName = relayName;
    }

    void run() {
        source.checkRowEvents();
        if (routing.enabled() && !source.writesThreadIds()) {
            throw new IllegalStateException("Routing per environment (RELAY_ROUTING_ENABLED) needs each"
                    + " transaction's thread id in the binlog, and " + source.version() + " does not write it"
                    + " (MariaDB writes it from 11.5 on, MySQL always). Relay to a single environment"
                    + " (routing off), or run on such a server.");
        }
        String schema = source.ownSchema();
        if (!settings.ownSchema().equals(schema)) {
            throw new IllegalStateException("The relay's database is " + schema + " but RELAY_OWN_SCHEMA says "
                    + settings.ownSchema() + ": its own writes would look like progress, saved for ever");
        }
        lock();
    }

    /**
     * Before each read and on quiet heartbeats (at most every 10 s): the lock goes with its
     * connection (a database restart, {@code wait_timeout} on a connection that is never used),
     * and then a second relay of the same name could start. Taken again, or refused until free.
     */
    void holdLock() {
        if (Instant.now().isBefore(lockCheckedAt.plusSeconds(10)) && lockHolder != null) {
            return;
        }
        lockCheckedAt = Instant.now();
        try (PreparedStatement s = lockHolder.prepareStatement("SELECT IS_USED_LOCK(?) = CONNECTION_ID()")) {
            s.setString(1, "dtx-relay:" + relayName);
            try (ResultSet rows = s.executeQuery()) {
                if (rows.next() && rows.getBoolean(1)) {
                    return;
                }
            }
        } catch (SQLException gone) {
            // the connection, and the lock with it, is gone: take it again below
        }
        release();
        lock();
    }

    /** Held on a connection of its own for the relay's life; the server frees it if the relay dies. */
    private void lock() {
        try {
            lockHolder = dataSource.getConnection();
            try (PreparedStatement s = lockHolder.prepareStatement("SELECT GET_LOCK(?, 0)")) {
                s.setString(1, "dtx-relay:" + relayName);
                try (ResultSet rows = s.executeQuery()) {
                    if (!rows.next() || rows.getInt(1) != 1) {
                        throw new IllegalStateException("Another binlog relay named " + relayName
                                + " is running (it holds the lock dtx-relay:" + relayName + ")");
                    }
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Could not take the relay's lock: " + e.getMessage(), e);
        }
    }

    void release() {
        if (lockHolder != null) {
            // A pooled connection outlives close(): the lock is released by name first.
            Connection holder = lockHolder;
            try (holder;
                    PreparedStatement s = holder.prepareStatement("SELECT RELEASE_LOCK(?)")) {
                s.setString(1, "dtx-relay:" + relayName);
                s.execute();
            } catch (SQLException ignored) {
                // a connection that is gone holds no lock any more
            }
        }
    }
}
