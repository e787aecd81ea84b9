package io.dtx.pay.payment;

import java.math.BigDecimal;

/**
 * One payment to take: what the local transaction writes. The half-message publisher hands it to
 * the transaction listener as the send's argument.
 */
public record PaymentCommand(
        String txNo, String accountNo, BigDecimal amount, String idempotencyKey, String requestHash) {}
