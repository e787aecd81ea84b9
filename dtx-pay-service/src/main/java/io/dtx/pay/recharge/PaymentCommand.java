package io.dtx.pay.recharge;

import java.math.BigDecimal;

/** One payment to take: what the local transaction writes, passed along with the half message. */
record PaymentCommand(String txNo, String accountNo, BigDecimal amount, String idempotencyKey, String requestHash) {
}
