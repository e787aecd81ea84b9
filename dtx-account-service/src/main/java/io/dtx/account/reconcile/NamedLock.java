package io.dtx.account.reconcile;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.function.Supplier;
import org.springframework.jdbc.core.ConnectionCallback;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * One instance at a time: a MySQL named lock ({@code GET_LOCK}) held on one connection for the
 * whole run. Unlike a lock row with an expiry, the database releases it by itself the moment that
 * connection dies, so a crashed instance never blocks the others. The flip side: if the
 * connection is killed mid-run, another instance may start before this one notices. That is
 * wasted work, not a double credit: every credit still goes through the dedup key.
 */
@Component
class NamedLock {

    private final JdbcTemplate jdbc;

    NamedLock(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * The connection goes back to the pool afterwards, so the lock must not go with it: if it
     * cannot be released, the connection is aborted, and the lock dies with it.
     */
    private static void release(Connection connection, String name) throws SQLException {
        try (PreparedStatement release = connection.prepareStatement("SELECT RELEASE_LOCK(?)")) {
            release.setString(1, name);
            release.execute();
        } catch (SQLException e) {
            connection.abort(Runnable::run);
        }
    }

    /** Runs {@code work} holding the lock, or returns {@code whenBusy} at once if another holds it. */
    <T> T runExclusively(String name, Supplier<T> work, T whenBusy) {
        return jdbc.execute((ConnectionCallback<T>) connection -> {
            try (PreparedStatement lock = connection.prepareStatement("SELECT GET_LOCK(?, 0)")) {
                lock.setString(1, name);
                try (ResultSet rs = lock.executeQuery()) {
                    if (!rs.next() || rs.getInt(1) != 1) {
                        return whenBusy;
                    }
                }
            }
            try {
                return work.get();
            } finally {
                release(connection, name);
            }
        });
    }
}
