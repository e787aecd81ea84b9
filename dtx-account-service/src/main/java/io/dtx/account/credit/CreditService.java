package io.dtx.account.credit;

import io.dtx.contract.RechargeSucceeded;
import io.dtx.web.journey.Journeys;
import io.dtx.web.journey.Milestone;
import io.micrometer.core.instrument.MeterRegistry;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Credits a paid recharge to its account exactly once, whichever path brings it (message, pull,
 * reconciliation) and however often.
 *
 * <p>Insert-first dedup: the txNo goes into the dedup table ({@link DedupMapper#claim})
 * <em>before</em> the balance moves, in the same local transaction. The primary key then decides,
 * inside the database, who wins: a second attempt, even one running at the same instant on another
 * path or instance, waits on the key's lock and fails with a duplicate key. The original demo
 * checked first and inserted afterwards, which lets two concurrent deliveries both pass the check.
 */
@Service
public class CreditService {

    private static final Logger log = LoggerFactory.getLogger(CreditService.class);

    private final DedupMapper dedup;
    private final BalanceMapper balances;
    private final MeterRegistry metrics;
    private final Journeys journeys;

    CreditService(DedupMapper dedup, BalanceMapper balances, MeterRegistry metrics, Journeys journeys) {
        this.dedup = dedup;
        this.balances = balances;
        this.metrics = metrics;
        this.journeys = journeys;
    }

    /**
     * @throws UnknownAccountException if the account does not exist (nothing is written)
     * @throws PastRetentionException if the payment is too old for the dedup table to prove it new
     * @throws org.springframework.dao.DataAccessException when the database fails: transient,
     *         the caller should retry
     */
    @Transactional(timeout = 10)
    public CreditOutcome apply(RechargeSucceeded payment, AppliedBy path) {
        try {
            claim(payment, path);
        } catch (DuplicateKeyException alreadyCredited) {
            // Nothing else was written in this transaction, so committing it is harmless.
            log.info("Payment already credited; {} ignored", path);
            count(path, CreditOutcome.ALREADY_APPLIED);
            journeys.recordAfterCommit(
                    payment.txNo(), Milestone.DUPLICATE_REFUSED, "by " + path + ": already credited");
            return CreditOutcome.ALREADY_APPLIED;
        }
        if (balances.addToBalance(payment.accountNo(), payment.amount()) != 1) {
            // Throwing rolls the dedup row back too: an unknown account leaves no trace here.
            throw new UnknownAccountException(payment.accountNo());
        }
        log.info("Credited {} to account {} via {}", payment.amount(), payment.accountNo(), path);
        count(path, CreditOutcome.APPLIED);
        journeys.recordAfterCommit(
                payment.txNo(), Milestone.CREDITED, payment.amount().toPlainString() + " by " + path);
        return CreditOutcome.APPLIED;
    }

    /**
     * Credits several payments in one local transaction: one commit, and one balance update per
     * account, for all of them. The consumer's lever under load (see the benchmark): a commit is
     * what a credit costs most. All or nothing: if one of them is not a plain first credit
     * (credited before, unknown account, too old to prove new), everything rolls back and
     * {@link NotAllFirstCreditsException} says so; the caller then credits them one by one with
     * {@link #apply}, which sorts out each case.
     *
     * <p>Claims go in txNo order and balance updates in account order, so two batches holding the
     * same keys or accounts take their locks in the same order instead of deadlocking each other.
     */
    @Transactional(timeout = 10)
    public void applyAll(List<RechargeSucceeded> payments, AppliedBy path) {
        Map<String, BigDecimal> perAccount = new TreeMap<>();
        for (RechargeSucceeded payment : sortedByTxNo(payments)) {
            claimFirst(payment, path);
            perAccount.merge(payment.accountNo(), payment.amount(), BigDecimal::add);
        }
        perAccount.forEach((accountNo, sum) -> {
            if (balances.addToBalance(accountNo, sum) != 1) {
                throw new NotAllFirstCreditsException("no account " + accountNo);
            }
        });
        for (RechargeSucceeded payment : payments) {
            log.info(
                    "Credited {} to account {} via {} (txNo {}, one of {} in a transaction)",
                    payment.amount(),
                    payment.accountNo(),
                    path,
                    payment.txNo(),
                    payments.size());
            journeys.recordAfterCommit(
                    payment.txNo(), Milestone.CREDITED, payment.amount().toPlainString() + " by " + path);
        }
        afterCommit(() -> {
            metrics.counter("dtx.account.credits", "path", tag(path), "outcome", tag(CreditOutcome.APPLIED))
                    .increment(payments.size());
            metrics.summary("dtx.account.credit.batch.size").record(payments.size());
        });
    }

    private static List<RechargeSucceeded> sortedByTxNo(List<RechargeSucceeded> payments) {
        return payments.stream()
                .sorted(Comparator.comparing(RechargeSucceeded::txNo))
                .toList();
    }

    /** Counted only once committed: a batch that fails at its commit is credited again one by one. */
    private static void afterCommit(Runnable counting) {
        if (!TransactionSynchronizationManager.isSynchronizationActive()) {
            counting.run(); // called without a transaction (the unit tests)
            return;
        }
        TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
            @Override
            public void afterCommit() {
                counting.run();
            }
        });
    }

    private void claimFirst(RechargeSucceeded payment, AppliedBy path) {
        try {
            if (!inserted(payment, path)) {
                throw new NotAllFirstCreditsException(payment.txNo() + " is past the dedup retention's horizon");
            }
        } catch (DuplicateKeyException settledBefore) {
            throw new NotAllFirstCreditsException(payment.txNo() + " was settled before");
        }
    }

    /**
     * Settles a payment as returned to its payer instead of credited: the txNo is claimed in the
     * dedup table like a credit (path {@link AppliedBy#RETURNED}), and no balance moves. From
     * then on no path can credit it, and no credit can race the return.
     *
     * @return false if the txNo was settled before (credited, or returned already)
     * @throws PastRetentionException if the payment is too old for the dedup table to prove it new
     */
    @Transactional(timeout = 10)
    public boolean settleAsReturned(RechargeSucceeded payment) {
        try {
            claim(payment, AppliedBy.RETURNED);
            log.warn(
                    "Payment of {} for unknown account {} returned to the payer",
                    payment.amount(),
                    payment.accountNo());
            return true;
        } catch (DuplicateKeyException settledBefore) {
            return false;
        }
    }

    /** How the txNo was settled (a path name, or RETURNED), if it was. */
    public Optional<AppliedBy> settledBy(String txNo) {
        return Optional.ofNullable(dedup.appliedBy(txNo)).map(AppliedBy::valueOf);
    }

    /** One statement, consistent on its own: no transaction needed around it. */
    public boolean isCredited(String txNo) {
        return dedup.isCredited(txNo);
    }

    /** Credits summed per window of their payment's time, for the deep sweep (read only). */
    public List<CreditWindow> windows(Instant from, Instant to, long widthSeconds) {
        return dedup.windows(utc(from), utc(to), widthSeconds);
    }

    /** Credited txNos with a payment time in {@code [from, to)}, after {@code after}, by txNo (a page). */
    public List<String> creditedBetween(Instant from, Instant to, String after, int limit) {
        return dedup.creditedBetween(utc(from), utc(to), after, limit);
    }

    /**
     * The dedup claim every settlement starts with; a duplicate key if the txNo was settled before.
     * A claim refused by the dedup retention's horizon wrote nothing: a payment that old is
     * "already applied" only if its row is still there, and otherwise cannot be proven new.
     */
    private void claim(RechargeSucceeded payment, AppliedBy path) {
        if (inserted(payment, path)) {
            return;
        }
        if (dedup.isClaimed(payment.txNo())) {
            throw new DuplicateKeyException("de_duplication: " + payment.txNo() + " settled before");
        }
        LocalDateTime horizon = dedup.horizon();
        if (horizon == null) {
            // Not the payment's fault: the schema is incomplete. Retried (redelivered, reconciled) once it is fixed.
            throw new IllegalStateException("bank1.dedup_horizon has no row: run sql/bank1.sql");
        }
        count(path, "past_retention");
        throw new PastRetentionException(payment.txNo(), payment.paidAt(), horizon);
    }

    /** The dedup row written; false if the retention's horizon refused it (a duplicate key throws). */
    private boolean inserted(RechargeSucceeded payment, AppliedBy path) {
        return dedup.claim(payment.txNo(), payment.accountNo(), payment.amount(), path.name(), utc(payment.paidAt()))
                == 1;
    }

    private static LocalDateTime utc(Instant instant) {
        return instant == null ? null : LocalDateTime.ofInstant(instant, ZoneOffset.UTC);
    }

    private void count(AppliedBy path, CreditOutcome outcome) {
        count(path, tag(outcome));
    }

    private void count(AppliedBy path, String outcome) {
        metrics.counter("dtx.account.credits", "path", tag(path), "outcome", outcome)
                .increment();
    }

    private static String tag(Enum<?> value) {
        return value.name().toLowerCase(Locale.ROOT);
    }
}
