package io.dtx.account.payside;

/** The pay service could not be asked (down, unreachable, not registered, or erroring). */
public class PayServiceUnavailableException extends RuntimeException {

    public PayServiceUnavailableException(String reason, Throwable cause) {
        super("The pay service is unavailable: " + reason, cause);
    }
}
