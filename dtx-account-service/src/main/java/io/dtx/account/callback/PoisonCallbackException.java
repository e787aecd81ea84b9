package io.dtx.account.callback;

/** A callback signed by the notifier whose payment can never be credited (400); kept in poison_message. */
public class PoisonCallbackException extends RuntimeException {

    PoisonCallbackException(String reason) {
        super("Callback carries a payment that cannot be credited: " + reason);
    }
}
