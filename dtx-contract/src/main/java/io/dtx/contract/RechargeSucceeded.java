package io.dtx.contract;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Objects;

/**
 * The pay service's announcement that a recharge was paid: the body of every message on
 * {@link Messaging#RECHARGE_TOPIC}. Named in the past tense because it states a fact that has
 * already committed in {@code bank1_pay}.
 *
 * @param txNo      the payment's transaction number: unique, and the dedup key on the account side
 * @param accountNo the account to credit
 * @param amount    the amount, exact to the cent (never a double)
 * @param paidAt    when the payment committed, for measuring time-to-credit
 */
public record RechargeSucceeded(String txNo, String accountNo, BigDecimal amount, Instant paidAt) {

    public RechargeSucceeded {
        Objects.requireNonNull(txNo, "txNo");
        Objects.requireNonNull(accountNo, "accountNo");
        Objects.requireNonNull(amount, "amount");
    }
}
