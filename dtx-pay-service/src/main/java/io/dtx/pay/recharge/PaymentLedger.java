package io.dtx.pay.recharge;

import java.math.BigDecimal;
import java.util.Optional;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The pay side's database work, each method one local transaction. Called from the transaction
 * listener, which must go through this bean (a Spring proxy) for {@code @Transactional} to apply.
 */
@Service
public class PaymentLedger {

    /** What the check-back concluded about a half message. */
    public enum Fate { COMMITTED, ROLLED_BACK }

    private final PaymentMapper payments;

    PaymentLedger(PaymentMapper payments) {
        this.payments = payments;
    }

    /**
     * The local transaction of a recharge: the payment row. A timeout bounds how long it can stay
     * open, which the reconciliation feed's overlap window relies on.
     */
    @Transactional(timeout = 5)
    public void recordSucceeded(PaymentCommand command) {
        payments.insert(Payment.succeeded(command));
    }

    /**
     * Decides a half message's fate from the database. If no row exists, a rolled-back tombstone is
     * inserted: that waits for a still-running local transaction of the same txNo and, once in,
     * stops a late one from committing. So the answer is always definite.
     */
    @Transactional(timeout = 10)
    public Fate settle(String txNo, String accountNo, BigDecimal amount) {
        Payment existing = payments.selectById(txNo);
        if (existing == null) {
            if (payments.insertTombstone(txNo, accountNo, amount) == 1) {
                return Fate.ROLLED_BACK;
            }
            existing = payments.selectById(txNo);
        }
        return existing.succeeded() ? Fate.COMMITTED : Fate.ROLLED_BACK;
    }

    // The reads below are one statement each, consistent on their own: no transaction around
    // them, which would cost five more round trips (autocommit and read-only set and reset).
    public Optional<Payment> find(String txNo) {
        return Optional.ofNullable(payments.selectById(txNo));
    }

    public Optional<Payment> findByIdempotencyKey(String key) {
        return Optional.ofNullable(payments.findByIdempotencyKey(key));
    }
}
