package io.dtx.relay.relaying;

import io.dtx.relay.binlog.BinlogPosition;

/** The saved position is no longer in the server's binlog: reading on would skip payments. */
class PositionLostException extends RuntimeException {

    PositionLostException(String message) {
        super(message);
    }

    static PositionLostException at(BinlogPosition from, String why) {
        return new PositionLostException("the saved position " + from + " is no longer in the server's binlog ("
                + why + "). Nothing after it was skipped; to start again, a person chooses: see README"
                + " \"Re-bootstrapping the binlog relay\".");
    }
}
