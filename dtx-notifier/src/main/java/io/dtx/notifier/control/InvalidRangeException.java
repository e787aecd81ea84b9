package io.dtx.notifier.control;

/** A replay range that is empty, reversed or too long (400). */
public class InvalidRangeException extends RuntimeException {

    public InvalidRangeException(String message) {
        super(message);
    }
}
