package io.dtx.relay.control;

/** A request the relay cannot act on: an environment it does not route to, an unknown status. */
public class BadRelayRequestException extends RuntimeException {

    BadRelayRequestException(String message) {
        super(message);
    }
}
