package io.dtx.pay.outbox;

/** No row of the local message table for that txNo (404). */
public class OutboxRowNotFoundException extends RuntimeException {

    public OutboxRowNotFoundException(String txNo) {
        super("No outbox row for payment " + txNo);
    }
}
