package io.dtx.relay.relaying;

/** What the relay is doing; {@link #POSITION_LOST} and {@link #FAILED} are for a person. */
public enum RelayState {
    /** Checking the server and finding where to start. */
    STARTING,
    /** Connected, reading and publishing. */
    READING,
    /** After a failure (broker down, server gone): waiting before reading again from the saved position. */
    WAITING,
    /** Stopped for good: the saved position is no longer in the server's binlog. */
    POSITION_LOST,
    /** Stopped for good: an error the relay cannot recover from (see the log). */
    FAILED
}
