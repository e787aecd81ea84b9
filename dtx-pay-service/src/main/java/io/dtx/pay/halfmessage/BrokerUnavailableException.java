package io.dtx.pay.halfmessage;

/** The half message could not be stored by the broker; no payment was recorded. */
public class BrokerUnavailableException extends RuntimeException {

    public BrokerUnavailableException(Throwable cause) {
        super("The message broker is unreachable; no payment was taken. Retry later.", cause);
    }
}
