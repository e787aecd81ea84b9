package io.dtx.relay.position;

import io.dtx.relay.binlog.BinlogPosition;
import io.dtx.relay.binlog.CommittedTransaction;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Moves the saved position forward, never past a message the broker has not acknowledged: the
 * relay calls {@link #passed} only after a transaction's messages are all acknowledged (or kept in
 * the exception table), from the one thread that reads and publishes. Saving every transaction
 * would double the database writes per payment, so a position is saved at most once per
 * {@code interval}, and when the stream goes idle (a heartbeat) or ends. A restart after a crash
 * reads at most that much again, which the account side's dedup absorbs.
 */
@Component
public class PositionKeeper {

    private final PositionTable table;
    private final Duration interval;
    private final Clock clock;
    private BinlogPosition passed;
    private BinlogPosition saved;
    private boolean unsaved;
    private Instant savedAt = Instant.EPOCH;

    @Autowired
    PositionKeeper(PositionTable table, @Value("${dtx.relay.position-interval:PT0.2S}") Duration interval) {
        this(table, interval, Clock.systemUTC());
    }

    PositionKeeper(PositionTable table, Duration interval, Clock clock) {
        this.table = table;
        this.interval = interval;
        this.clock = clock;
    }

    /** Where reading starts; nothing is unsaved before it. */
    public synchronized void startFrom(BinlogPosition position) {
        passed = position;
        saved = position;
        unsaved = false;
    }

    /** The transaction is fully handled: its messages acknowledged, or kept for a person. */
    public synchronized void passed(CommittedTransaction transaction) {
        passed = transaction.next();
        // The relay's own position saves are in the binlog too: saving for them would never stop.
        unsaved |= !transaction.onlyOwnWrites();
        if (unsaved && !clock.instant().isBefore(savedAt.plus(interval))) {
            save();
        }
    }

    /** Saves what has been passed, if anything worth it; on idle and at the end of a stream. */
    public synchronized void flush() {
        if (unsaved) {
            save();
        }
    }

    public synchronized Optional<BinlogPosition> saved() {
        return Optional.ofNullable(saved);
    }

    private void save() {
        table.save(passed);
        saved = passed;
        unsaved = false;
        savedAt = clock.instant();
    }
}
