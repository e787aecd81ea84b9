package io.dtx.relay.control;

/** No open row in the exception table for this txNo. */
public class UnknownExceptionRowException extends RuntimeException {

    UnknownExceptionRowException(String txNo) {
        super("No open payment " + txNo + " in the relay's exception table");
    }
}
