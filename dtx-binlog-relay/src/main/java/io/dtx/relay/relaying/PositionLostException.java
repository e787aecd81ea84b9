package io.dtx.relay.relaying;

/** The saved position is no longer in the server's binlog: reading on would skip payments. */
class PositionLostException extends RuntimeException {

    PositionLostException(String message) {
        super(message);
    }
}
