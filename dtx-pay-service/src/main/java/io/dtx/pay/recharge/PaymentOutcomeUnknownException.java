package io.dtx.pay.recharge;

/**
 * Whether the payment was taken cannot be known now: its local transaction did not say, and the
 * database could not be asked. The broker's check-back settles it at its next check either way,
 * so the client must not pay again blindly. What it can do depends on whether it sent an
 * Idempotency-Key: with one, a retry returns this payment if it was taken; without one, a retry
 * would be a second payment.
 */
public class PaymentOutcomeUnknownException extends RuntimeException {

    private final String txNo;

    PaymentOutcomeUnknownException(String txNo, boolean idempotent, Throwable cause) {
        super(advice(txNo, idempotent), cause);
        this.txNo = txNo;
    }

    public String txNo() {
        return txNo;
    }

    private static String advice(String txNo, boolean idempotent) {
        String unknown = "The payment " + txNo + " may or may not have been taken; it is settled at the broker's next"
                + " check either way. Do not pay again blindly: ";
        return idempotent
                ? unknown + "retry this request with the same Idempotency-Key to learn its outcome (you get this"
                        + " payment back if it was taken, a new one if it was not)."
                : unknown + "this request had no Idempotency-Key, so a retry would be a second payment. Quote " + txNo
                        + " to support to learn its outcome, and send an Idempotency-Key next time.";
    }
}
