package io.dtx.account.suspense;

import io.dtx.account.credit.AppliedBy;
import io.dtx.account.credit.CreditOutcome;
import io.dtx.account.credit.CreditService;
import io.dtx.account.credit.PastRetentionException;
import io.dtx.account.credit.UnknownAccountException;
import io.dtx.account.payside.PayClient;
import io.dtx.account.payside.PayServiceUnavailableException;
import io.dtx.contract.RechargeSucceeded;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Money for an account this bank does not hold (yet) is never silently stuck. Whichever path
 * finds the account missing (message, pull, reconciliation, sweep) holds the payment here; it is
 * retried on a schedule and credited once the account appears, or a person re-drives it now or
 * returns it to the payer. A return settles the txNo in the dedup table like a credit would, so
 * a credit and a return can never both happen; the pay side then records the refund it owes.
 *
 * <p>A payment too old for the dedup table to prove it new ({@link PastRetentionException}) is
 * kept here too, as {@code past_retention}: never retried, for a person to settle by the record.
 */
@Service
public class Suspense {

    static final String HELD = "held";
    static final String CREDITED = "credited";
    static final String RETURNING = "returning";
    static final String RETURNED = "returned";
    static final String REFUND_REFUSED = "refund_refused";
    static final String PAST_RETENTION = "past_retention";
    private static final int BATCH = 100;
    private static final Logger log = LoggerFactory.getLogger(Suspense.class);

    private final SuspenseMapper suspense;
    private final CreditService credits;
    private final PayClient pay;
    private final MeterRegistry metrics;

    Suspense(SuspenseMapper suspense, CreditService credits, PayClient pay, MeterRegistry metrics) {
        this.suspense = suspense;
        this.credits = credits;
        this.pay = pay;
        this.metrics = metrics;
    }

    /**
     * What every path does with a payment it found: credit it, or hold it here when its account
     * does not exist (yet).
     *
     * @return what the credit did; empty if the payment is held in suspense
     */
    public Optional<CreditOutcome> creditOrHold(RechargeSucceeded payment, AppliedBy path) {
        try {
            return Optional.of(credits.apply(payment, path));
        } catch (UnknownAccountException e) {
            hold(payment, path);
            return Optional.empty();
        } catch (PastRetentionException e) {
            keepPastRetention(payment, path, e);
            return Optional.empty();
        }
    }

    /** In its own transaction: the hold must stay even when the caller's work rolled back. */
    @Transactional(propagation = Propagation.REQUIRES_NEW)
    public void hold(RechargeSucceeded payment, AppliedBy path) {
        if (suspense.keep(payment.txNo(), payment.accountNo(), payment.amount(), utc(payment), path.name(), HELD)
                == 1) {
            log.warn("Payment of {} held in suspense: no account {} (yet)", payment.amount(), payment.accountNo());
            metrics.counter("dtx.account.suspense.holds").increment();
        }
    }

    /**
     * A payment too old to credit, kept for a person; one held before (unknown account) is moved.
     * Each statement on its own (this class calls it, so no transaction is opened around it).
     */
    public void keepPastRetention(RechargeSucceeded payment, AppliedBy path, PastRetentionException why) {
        int kept = suspense.keep(
                payment.txNo(), payment.accountNo(), payment.amount(), utc(payment), path.name(), PAST_RETENTION);
        if (kept == 1 || suspense.move(payment.txNo(), HELD, PAST_RETENTION) == 1) {
            log.error("ALARM: {} Kept in suspense for a person.", why.getMessage());
            metrics.counter("dtx.account.suspense.past.retention").increment();
        }
    }

    /** Credits every held payment whose account exists now; returns how many. */
    public int retryHeld() {
        int credited = 0;
        for (SuspenseRow row : suspense.withStatus(HELD, BATCH)) {
            if (CREDITED.equals(tryCredit(row))) {
                credited++;
            }
        }
        return credited;
    }

    /** A person's "try it now"; returns the payment's status afterwards. */
    public String redrive(String txNo) {
        SuspenseRow row = find(txNo);
        return HELD.equals(row.getStatus()) ? tryCredit(row) : row.getStatus();
    }

    /**
     * A person's "give the money back": settles the txNo as returned, then asks the pay side to
     * record the refund (retried by the job until it answers).
     *
     * @throws AlreadyCreditedException if the payment was credited meanwhile (the account appeared)
     */
    public String returnToPayer(String txNo) {
        SuspenseRow row = find(txNo);
        if (HELD.equals(row.getStatus())) {
            boolean returnedNow = credits.settleAsReturned(row.payment());
            String to = returnedNow || isReturned(txNo) ? RETURNING : CREDITED;
            suspense.move(txNo, HELD, to);
            row.setStatus(to);
        }
        if (CREDITED.equals(row.getStatus())) {
            throw new AlreadyCreditedException(txNo);
        }
        return RETURNING.equals(row.getStatus()) ? finishReturn(txNo) : row.getStatus();
    }

    /** Asks the pay side again for every return it has not confirmed yet. */
    public void finishReturns() {
        suspense.withStatus(RETURNING, BATCH).forEach(row -> finishReturn(row.getTxNo()));
    }

    public List<HeldPayment> list(String status) {
        return suspense.withStatus(status, 1000).stream().map(SuspenseRow::view).toList();
    }

    /** Held payments right now, for the gauge an operator watches. */
    public long countHeld() {
        return suspense.countHeld();
    }

    private String tryCredit(SuspenseRow row) {
        try {
            credits.apply(row.payment(), AppliedBy.SUSPENSE);
        } catch (UnknownAccountException stillUnknown) {
            suspense.attempted(row.getTxNo());
            return HELD;
        } catch (PastRetentionException tooOld) {
            keepPastRetention(row.payment(), AppliedBy.SUSPENSE, tooOld);
            return PAST_RETENTION;
        }
        // Settled now, or before by another path; or a person returned it meanwhile.
        String to = isReturned(row.getTxNo()) ? RETURNING : CREDITED;
        suspense.move(row.getTxNo(), HELD, to);
        return to;
    }

    private String finishReturn(String txNo) {
        try {
            if (!pay.requestRefund(txNo)) {
                // The pay side holds no such successful payment: nothing to refund, and a person
                // must find out how a held payment came to exist. Not retried.
                log.error("ALARM: the pay side refuses the refund of {}: it holds no such payment", txNo);
                metrics.counter("dtx.account.suspense.refund.refused").increment();
                suspense.move(txNo, RETURNING, REFUND_REFUSED);
                return REFUND_REFUSED;
            }
        } catch (PayServiceUnavailableException e) {
            log.warn("Refund of {} not recorded by the pay side yet: {}", txNo, e.getMessage());
            return RETURNING;
        }
        if (suspense.move(txNo, RETURNING, RETURNED) == 1) {
            metrics.counter("dtx.account.suspense.returned").increment();
        }
        return RETURNED;
    }

    private static LocalDateTime utc(RechargeSucceeded payment) {
        return payment.paidAt() == null ? null : LocalDateTime.ofInstant(payment.paidAt(), ZoneOffset.UTC);
    }

    private boolean isReturned(String txNo) {
        return credits.settledBy(txNo).filter(AppliedBy.RETURNED::equals).isPresent();
    }

    private SuspenseRow find(String txNo) {
        return Optional.ofNullable(suspense.selectById(txNo)).orElseThrow(() -> new NotInSuspenseException(txNo));
    }
}
