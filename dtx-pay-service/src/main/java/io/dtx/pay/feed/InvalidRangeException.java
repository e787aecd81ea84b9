package io.dtx.pay.feed;

/** A time range or window width that cannot be answered: the caller's mistake, a 400. */
public class InvalidRangeException extends RuntimeException {

    InvalidRangeException(String message) {
        super(message);
    }
}
