package io.dtx.notifier.control;

/** No notification for that payment (404). */
public class NotificationNotFoundException extends RuntimeException {

    public NotificationNotFoundException(String txNo) {
        super("No notification for payment " + txNo);
    }
}
