package io.dtx.pay.recharge;

/** An Idempotency-Key came back with a different request body. */
public class IdempotencyKeyReusedException extends RuntimeException {

    IdempotencyKeyReusedException(String key) {
        super("Idempotency-Key '" + key + "' was already used for a different request.");
    }
}
