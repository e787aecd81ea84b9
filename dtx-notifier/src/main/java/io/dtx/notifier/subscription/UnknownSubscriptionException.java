package io.dtx.notifier.subscription;

/** No configured subscription has this id. */
public class UnknownSubscriptionException extends RuntimeException {

    public UnknownSubscriptionException(String id) {
        super("No subscription '" + id + "' is configured");
    }
}
