package io.dtx.account.reconcile;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.function.Supplier;
import org.springframework.jdbc.core.ConnectionCallback;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * One instance at a time: a MySQL named lock ({@code GET_LOCK}) held on one connection for the
 * whole run. Unlike a lock row with an expiry, the database releases it by itself the moment that
 * connection dies, so a crashed instance never blocks the others.
 */
@Component
class NamedLock {

    private final JdbcTemplate jdbc;

    NamedLock(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
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
                try (PreparedStatement release = connection.prepareStatement("SELECT RELEASE_LOCK(?)")) {
                    release.setString(1, name);
                    release.execute();
                }
            }
        });
    }
}
