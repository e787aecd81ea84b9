package io.dtx.pay.payment;

import io.dtx.contract.RechargeSucceeded;
import java.math.BigDecimal;
import java.time.Instant;

/**
 * One payment to take: what the local transaction writes. The half-message publisher hands it to
 * the transaction listener as the send's argument.
 */
public record PaymentCommand(
        String txNo, String accountNo, BigDecimal amount, String idempotencyKey, String requestHash) {

    /** The message that announces this payment, stamped now: just before its transaction commits. */
    public RechargeSucceeded announcement() {
        return new RechargeSucceeded(txNo, accountNo, amount, Instant.now());
    }
}
