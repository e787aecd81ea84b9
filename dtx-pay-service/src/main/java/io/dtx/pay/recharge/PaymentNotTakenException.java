package io.dtx.pay.recharge;

/**
 * The payment was certainly not taken: the database holds a rolled-back tombstone for its txNo,
 * so it can never commit later, and its half message is rolled back.
 */
public class PaymentNotTakenException extends RuntimeException {

    private final String txNo;

    PaymentNotTakenException(String txNo) {
        super("The payment was not taken; nothing was charged. Retry later.");
        this.txNo = txNo;
    }

    public String txNo() {
        return txNo;
    }
}
