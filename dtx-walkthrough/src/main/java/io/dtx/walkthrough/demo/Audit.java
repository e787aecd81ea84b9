package io.dtx.walkthrough.demo;

import static io.dtx.walkthrough.demo.Scene.OPENING;
import static io.dtx.walkthrough.demo.Scene.ZHANG_SAN;
import static io.dtx.walkthrough.demo.Scene.shortTx;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Step 10: every payment of the story against every credit, and the balance against both. */
final class Audit implements Step {

    private static final String PAYMENTS =
            "SELECT id, pay_amount FROM account_pay WHERE account_no = ? AND result = 'success' ORDER BY seq";
    private static final String CREDITS =
            "SELECT tx_no, amount, applied_by FROM de_duplication WHERE account_no = ? AND applied_by <> 'RETURNED'";

    @Override
    public String title() {
        return "Final audit: every successful payment credited exactly once";
    }

    @Override
    public void play(Scene scene) {
        List<Map<String, Object>> payments = scene.db().rows("bank1_pay", PAYMENTS, ZHANG_SAN);
        Map<String, Map<String, Object>> credits = new LinkedHashMap<>();
        for (Map<String, Object> row : scene.db().rows("bank1", CREDITS, ZHANG_SAN)) {
            credits.put((String) row.get("tx_no"), row);
        }
        List<List<String>> table = new ArrayList<>();
        BigDecimal paid = BigDecimal.ZERO;
        boolean eachOnce = true;
        for (Map<String, Object> payment : payments) {
            String txNo = (String) payment.get("id");
            BigDecimal amount = (BigDecimal) payment.get("pay_amount");
            Map<String, Object> credit = credits.remove(txNo);
            eachOnce &= credit != null && amount.compareTo((BigDecimal) credit.get("amount")) == 0;
            paid = paid.add(amount);
            table.add(List.of(
                    shortTx(txNo),
                    amount.toPlainString(),
                    credit == null ? "NOT CREDITED" : (String) credit.get("applied_by")));
        }
        scene.say().table(List.of("txNo", "amount", "credited by"), table);
        scene.check(
                eachOnce,
                payments.size() + " successful payment(s) in bank1_pay, each with exactly one credit in bank1");
        scene.check(credits.isEmpty(), "no credit without a payment");
        BigDecimal balance = scene.bank().balance(ZHANG_SAN);
        scene.check(
                balance.compareTo(OPENING.add(paid)) == 0,
                "balance " + balance + " = opening " + OPENING + " + payments " + paid);
    }
}
