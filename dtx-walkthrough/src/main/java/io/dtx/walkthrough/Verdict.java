package io.dtx.walkthrough;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The campaign's verdict, read from the two databases directly (never from the services' own
 * view of themselves): was every successful payment credited exactly once, and nothing else?
 *
 * @param payments    successful payments in bank1_pay
 * @param rolledBack  payments that never happened (tombstones of rolled-back half messages)
 * @param credits     rows in bank1.de_duplication
 * @param lost        successful payments with no credit
 * @param doubled     txNos credited more than once, plus accounts whose balance is not their
 *                    opening balance plus the sum of their credits
 * @param phantom     credits with no successful payment behind them
 * @param mismatched  credits whose account or amount differ from the payment's
 * @param acknowledgedMissing 2xx replies to a client for a payment that does not exist
 * @param creditsByPath credits by who applied them: MESSAGE, PULL or RECONCILIATION
 * @param examples    a few txNos of each kind of failure, to start an investigation from
 */
record Verdict(long payments, long rolledBack, long credits, long lost, long doubled, long phantom, long mismatched,
               long acknowledgedMissing, Map<String, Long> creditsByPath, List<String> examples) {

    boolean holds() {
        return lost == 0 && doubled == 0 && phantom == 0 && mismatched == 0 && acknowledgedMissing == 0;
    }

    /** Only what is still missing; cheap enough to poll while waiting for convergence. */
    static long uncredited(Bank bank) {
        return bank.scalar("bank1_pay", """
                SELECT COUNT(*) FROM bank1_pay.account_pay p
                WHERE p.result = 'success' AND NOT EXISTS (SELECT 1 FROM bank1.de_duplication d WHERE d.tx_no = p.id)""", Long.class);
    }

    static Verdict of(Bank bank, Map<String, BigDecimal> openingBalances, List<ChaosLoad.Paid> acknowledged) {
        record Payment(String accountNo, BigDecimal amount, String result) {
        }
        Map<String, Payment> payments = new HashMap<>();
        for (Map<String, Object> row : bank.rows("bank1_pay", "SELECT id, account_no, pay_amount, result FROM account_pay")) {
            payments.put((String) row.get("id"), new Payment((String) row.get("account_no"), (BigDecimal) row.get("pay_amount"), (String) row.get("result")));
        }
        List<String> examples = new ArrayList<>();
        Map<String, Long> byPath = new LinkedHashMap<>();
        Map<String, BigDecimal> creditedPerAccount = new HashMap<>();
        Set<String> credited = new HashSet<>();
        long doubled = 0;
        long phantom = 0;
        long mismatched = 0;
        long credits = 0;
        for (Map<String, Object> row : bank.rows("bank1", "SELECT tx_no, account_no, amount, applied_by FROM de_duplication")) {
            credits++;
            String txNo = (String) row.get("tx_no");
            String accountNo = (String) row.get("account_no");
            BigDecimal amount = (BigDecimal) row.get("amount");
            byPath.merge(String.valueOf(row.get("applied_by")), 1L, Long::sum);
            creditedPerAccount.merge(accountNo, amount, BigDecimal::add);
            if (!credited.add(txNo)) {
                doubled++;
                note(examples, "doubled " + txNo);
            }
            Payment payment = payments.get(txNo);
            if (payment == null || !"success".equals(payment.result())) {
                phantom++;
                note(examples, "phantom " + txNo + (payment == null ? " (no payment)" : " (payment " + payment.result() + ")"));
            } else if (!payment.accountNo().equals(accountNo) || payment.amount().compareTo(amount) != 0) {
                mismatched++;
                note(examples, "mismatched " + txNo);
            }
        }
        long successful = 0;
        long rolledBack = 0;
        long lost = 0;
        for (Map.Entry<String, Payment> payment : payments.entrySet()) {
            if ("success".equals(payment.getValue().result())) {
                successful++;
                if (!credited.contains(payment.getKey())) {
                    lost++;
                    note(examples, "lost " + payment.getKey());
                }
            } else {
                rolledBack++;
            }
        }
        // The balance itself: opening + credits, to the cent, for every account that was touched.
        for (Map<String, Object> row : bank.rows("bank1", "SELECT account_no, account_balance FROM account_info")) {
            String accountNo = (String) row.get("account_no");
            BigDecimal opening = openingBalances.get(accountNo);
            if (opening == null) {
                continue;
            }
            BigDecimal expected = opening.add(creditedPerAccount.getOrDefault(accountNo, BigDecimal.ZERO));
            if (expected.compareTo((BigDecimal) row.get("account_balance")) != 0) {
                doubled++;
                note(examples, "balance of " + accountNo + " is " + row.get("account_balance") + ", expected " + expected);
            }
        }
        long acknowledgedMissing = 0;
        synchronized (acknowledged) {
            for (ChaosLoad.Paid paid : acknowledged) {
                Payment payment = payments.get(paid.txNo());
                if (payment == null || !"success".equals(payment.result())) {
                    acknowledgedMissing++;
                    note(examples, "acknowledged but not paid " + paid.txNo());
                }
            }
        }
        return new Verdict(successful, rolledBack, credits, lost, doubled, phantom, mismatched, acknowledgedMissing, byPath, examples);
    }

    private static void note(List<String> examples, String example) {
        if (examples.size() < 20) {
            examples.add(example);
        }
    }
}
