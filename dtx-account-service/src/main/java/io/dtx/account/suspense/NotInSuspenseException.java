package io.dtx.account.suspense;

/** No payment with that txNo was ever held in suspense. */
public class NotInSuspenseException extends RuntimeException {

    NotInSuspenseException(String txNo) {
        super("No payment '" + txNo + "' in suspense.");
    }
}
