package io.dtx.account.suspense;

/** A held payment that was credited meanwhile (its account appeared): it can no longer be returned. */
public class AlreadyCreditedException extends RuntimeException {

    AlreadyCreditedException(String txNo) {
        super("Payment '" + txNo + "' was credited meanwhile; it cannot be returned.");
    }
}
