package io.dtx.pay.recharge;

/**
 * Whether the payment was taken cannot be known now: its local transaction did not say, and the
 * database could not be asked. It is settled within seconds either way (the broker's check-back
 * asks the database again), so the client must not pay again blindly.
 */
public class PaymentOutcomeUnknownException extends RuntimeException {

    private final String txNo;

    PaymentOutcomeUnknownException(String txNo, Throwable cause) {
        super(
                "The payment " + txNo + " may or may not have been taken; it is settled within seconds"
                        + " either way. Do not pay again blindly: retry this request with the same"
                        + " Idempotency-Key to learn its outcome (you get this payment back if it was taken,"
                        + " a new one if it was not).",
                cause);
        this.txNo = txNo;
    }

    public String txNo() {
        return txNo;
    }
}
