package io.dtx.relay.binlog;

import java.util.Objects;

/**
 * A place in the binary log, as a replica keeps it: the file and the offset of the next event to
 * read. The relay only ever takes one at a transaction's commit event: MariaDB writes
 * {@code end_log_pos 0} for the events inside a transaction, and a position there would resume
 * in the middle of one.
 */
public record BinlogPosition(String file, long offset) {

    public BinlogPosition {
        Objects.requireNonNull(file, "file");
        if (file.isBlank() || offset < 4) {
            throw new IllegalArgumentException("Not a binlog position: " + file + ":" + offset);
        }
    }

    @Override
    public String toString() {
        return file + ":" + offset;
    }
}
