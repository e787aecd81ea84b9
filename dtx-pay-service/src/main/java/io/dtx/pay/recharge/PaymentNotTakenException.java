package io.dtx.pay.recharge;

/** The local transaction did not commit the payment; the half message is rolled back. */
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
