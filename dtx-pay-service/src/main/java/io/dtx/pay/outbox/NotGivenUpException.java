package io.dtx.pay.outbox;

/** Only a row the relay gave up on can be re-driven; any other is still on its way, or done (409). */
public class NotGivenUpException extends RuntimeException {

    public NotGivenUpException(String txNo, String status) {
        super("The outbox row of payment " + txNo + " is '" + status + "', not 'gave_up': nothing to re-drive");
    }
}
