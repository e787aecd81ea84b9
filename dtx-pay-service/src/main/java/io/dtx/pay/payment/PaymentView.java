package io.dtx.pay.payment;

import java.math.BigDecimal;
import java.time.Instant;

/** A payment as the API shows it: the reply to a recharge and to the result query. */
public record PaymentView(String txNo, String accountNo, BigDecimal amount, PaymentResult result, Instant createdAt) {}
