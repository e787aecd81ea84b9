package io.dtx.pay.payment;

import java.math.BigDecimal;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Optional;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Isolation;
import org.springframework.transaction.annotation.Transactional;

/**
 * The pay side's database work: {@code bank1_pay.account_pay}, the only table the pay side owns.
 * Every write is one local transaction: a lone INSERT in autocommit mode ({@link #recordSucceeded}),
 * or a {@code @Transactional} method. Callers must go through this bean (a Spring proxy) for
 * {@code @Transactional} to apply; a call through {@code this} would run without one.
 */
@Service
public class PaymentLedger {

    /** What the check-back concluded about a half message. */
    public enum Fate {
        COMMITTED,
        ROLLED_BACK
    }

    private final PaymentMapper payments;

    PaymentLedger(PaymentMapper payments) {
        this.payments = payments;
    }

    /**
     * The local transaction of a recharge: the payment row. One INSERT is a transaction of its own
     * (the connection is in autocommit mode), so the transactional publisher opens none around
     * it: no statements to switch autocommit off and on, no COMMIT, three round trips fewer per
     * recharge. Publishers that write more with it (the outbox's row, the request's status) call
     * it inside their own transaction, which it joins. Its 5 s timeout bounds how long the row can
     * stay uncommitted, which the reconciliation feed's overlap window relies on.
     *
     * @throws org.springframework.dao.DuplicateKeyException if the txNo (a check-back's tombstone)
     *         or the idempotency key is taken
     */
    public void recordSucceeded(PaymentCommand command) {
        payments.insertSucceeded(Payment.succeeded(command));
    }

    /**
     * Decides a half message's fate from the database: the check-back's answer. If no row exists,
     * a rolled-back tombstone is inserted: that waits for a still-running local transaction of the
     * same txNo and, once in, stops a late one from committing. So the answer is always definite.
     * COMMITTED only for a successful payment of exactly this account and amount: a message that
     * names a real txNo with other figures is not that payment's message.
     *
     * <p>READ COMMITTED, not the default REPEATABLE READ: when the tombstone fails because the
     * payment's own transaction committed while it waited, the re-read must see that commit.
     * Under REPEATABLE READ it would reuse the first read's snapshot and find no row at all.
     */
    @Transactional(timeout = 10, isolation = Isolation.READ_COMMITTED)
    public Fate settle(String txNo, String accountNo, BigDecimal amount) {
        Payment existing = payments.selectById(txNo);
        if (existing == null) {
            try {
                payments.insertTombstone(txNo, accountNo, amount);
                return Fate.ROLLED_BACK;
            } catch (DuplicateKeyException committedMeanwhile) {
                existing = payments.selectById(txNo);
            }
            if (existing == null) {
                throw new IllegalStateException("Tombstone refused but no row for txNo " + txNo);
            }
        }
        return isPaid(existing, accountNo, amount) ? Fate.COMMITTED : Fate.ROLLED_BACK;
    }

    /** True if the row is a successful payment of exactly this account and amount. */
    public static boolean isPaid(Payment row, String accountNo, BigDecimal amount) {
        return row.succeeded()
                && row.getAccountNo().equals(accountNo)
                && row.getPayAmount().compareTo(amount) == 0;
    }

    // The reads below are one statement each, consistent on their own: no transaction around
    // them, which would cost five more round trips (autocommit and read-only set and reset).
    public Optional<Payment> find(String txNo) {
        return Optional.ofNullable(payments.selectById(txNo));
    }

    /** The payment taken for this account under this Idempotency-Key, if any. */
    public Optional<Payment> findByIdempotencyKey(String accountNo, String key) {
        return Optional.ofNullable(payments.findByIdempotencyKey(accountNo, key));
    }

    /** Payments with {@code seq > after}, in seq order: the reconciliation feed's page. */
    public List<Payment> page(long after, int limit) {
        return payments.page(after, limit);
    }

    /** Successful payments per window, for the deep sweep: one row per window that has any. */
    public List<WindowTotals> windows(LocalDateTime from, LocalDateTime to, long widthSeconds) {
        return payments.windows(from, to, widthSeconds);
    }

    /** The successful payments written in {@code [from, to)} with a txNo after {@code after}, by txNo. */
    public List<Payment> paidBetween(LocalDateTime from, LocalDateTime to, String after, int limit) {
        return payments.paidBetween(from, to, after, limit);
    }

    /**
     * Marks a successful payment for refund: the account side could not credit it and a person
     * decided to return the money. The payment row itself never changes.
     *
     * @return false if there is no successful payment with that txNo
     */
    @Transactional(timeout = 5)
    public boolean requestRefund(String txNo, String reason) {
        Payment payment = payments.selectById(txNo);
        if (payment == null || !payment.succeeded()) {
            return false;
        }
        payments.requestRefund(txNo, reason.length() <= 255 ? reason : reason.substring(0, 255));
        return true;
    }

    /** The txNos marked for refund in {@code [from, to)}, after {@code after}, by txNo: one page. */
    public List<String> refundsBetween(LocalDateTime from, LocalDateTime to, String after, int limit) {
        return payments.refundsBetween(from, to, after, limit);
    }

    /** The database's clock, so the feed's overlap window does not depend on this JVM's. */
    public LocalDateTime databaseNow() {
        return payments.databaseNow();
    }
}
