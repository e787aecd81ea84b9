package io.dtx.walkthrough.chaos;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** The counting behind a {@link Verdict}: fed the rows of both databases, one at a time. */
final class VerdictTally {

    private record Payment(String accountNo, BigDecimal amount, String result) {

        boolean successful() {
            return "success".equals(result);
        }
    }

    private static final int MAX_EXAMPLES = 20;

    private final Map<String, Payment> payments = new HashMap<>();
    private final Set<String> credited = new HashSet<>();
    private final Map<String, BigDecimal> creditedPerAccount = new HashMap<>();
    private final Map<String, Long> byPath = new LinkedHashMap<>();
    private final List<String> examples = new ArrayList<>();
    private long successful;
    private long rolledBack;
    private long credits;
    private long lost;
    private long doubled;
    private long phantom;
    private long mismatched;
    private long acknowledgedMissing;
    private long toldNoButCharged;

    /** A row of bank1_pay.account_pay; every payment must be read before the first credit. */
    void payment(Map<String, Object> row) {
        payments.put(
                (String) row.get("id"),
                new Payment((String) row.get("account_no"), (BigDecimal) row.get("pay_amount"), (String)
                        row.get("result")));
    }

    /** A row of bank1.de_duplication: one credit, by whichever path applied it (or one return). */
    void credit(Map<String, Object> row) {
        credits++;
        String txNo = (String) row.get("tx_no");
        String accountNo = (String) row.get("account_no");
        BigDecimal amount = (BigDecimal) row.get("amount");
        String path = String.valueOf(row.get("applied_by"));
        byPath.merge(path, 1L, Long::sum);
        // A payment returned to its payer settles its txNo but moves no balance.
        if (!"RETURNED".equals(path)) {
            creditedPerAccount.merge(accountNo, amount, BigDecimal::add);
        }
        if (!credited.add(txNo)) {
            doubled++;
            note("doubled " + txNo);
        }
        Payment payment = payments.get(txNo);
        if (payment == null || !payment.successful()) {
            phantom++;
            note("phantom " + txNo + (payment == null ? " (no payment)" : " (payment " + payment.result() + ")"));
        } else if (!payment.accountNo().equals(accountNo) || payment.amount().compareTo(amount) != 0) {
            mismatched++;
            note("mismatched " + txNo);
        }
    }

    /** After the credits: every successful payment without one is lost. */
    void settlePayments() {
        for (Map.Entry<String, Payment> payment : payments.entrySet()) {
            if (payment.getValue().successful()) {
                successful++;
                if (!credited.contains(payment.getKey())) {
                    lost++;
                    note("lost " + payment.getKey());
                }
            } else {
                rolledBack++;
            }
        }
    }

    /** A row of bank1.account_info; accounts without an opening balance were not part of the campaign. */
    void balance(Map<String, Object> row, Map<String, BigDecimal> openingBalances) {
        String accountNo = (String) row.get("account_no");
        BigDecimal opening = openingBalances.get(accountNo);
        if (opening == null) {
            return;
        }
        BigDecimal expected = opening.add(creditedPerAccount.getOrDefault(accountNo, BigDecimal.ZERO));
        if (expected.compareTo((BigDecimal) row.get("account_balance")) != 0) {
            doubled++;
            note("balance of " + accountNo + " is " + row.get("account_balance") + ", expected " + expected);
        }
    }

    /** A payment a customer was told succeeded: it must exist, have succeeded, and be what was asked. */
    void acknowledged(ChaosLoad.Paid paid) {
        Payment payment = payments.get(paid.txNo());
        if (payment == null || !payment.successful()) {
            acknowledgedMissing++;
            note("acknowledged but not paid " + paid.txNo());
        } else if (!payment.accountNo().equals(paid.accountNo())
                || payment.amount().compareTo(paid.amount()) != 0) {
            mismatched++;
            note("acknowledged other than asked " + paid.txNo());
        }
    }

    /** An Idempotency-Key with more than one successful payment: a retry that charged again. */
    void chargedTwice(Map<String, Object> row) {
        doubled++;
        note("charged " + row.get("charges") + " times under key " + row.get("idempotency_key"));
    }

    /** A payment a customer was told was not taken, nothing charged: it must not exist as a success. */
    void toldNotTaken(String txNo) {
        Payment payment = payments.get(txNo);
        if (payment != null && payment.successful()) {
            toldNoButCharged++;
            note("told not taken but charged " + txNo);
        }
    }

    Verdict verdict() {
        return new Verdict(
                successful,
                rolledBack,
                credits,
                lost,
                doubled,
                phantom,
                mismatched,
                acknowledgedMissing,
                toldNoButCharged,
                byPath,
                examples);
    }

    private void note(String example) {
        if (examples.size() < MAX_EXAMPLES) {
            examples.add(example);
        }
    }
}
