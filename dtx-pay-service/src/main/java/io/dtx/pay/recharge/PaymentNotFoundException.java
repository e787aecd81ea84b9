package io.dtx.pay.recharge;

/** No payment with that transaction number exists. */
public class PaymentNotFoundException extends RuntimeException {

    PaymentNotFoundException(String txNo) {
        super("No payment with txNo '" + txNo + "'.");
    }
}
