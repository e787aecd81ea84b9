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
        return "audit.title";
    }

    @Override
    public void play(Scene scene) {
        List<Map<String, Object>> payments = scene.db().rows("bank1_pay", PAYMENTS, ZHANG_SAN);
        Map<String, Map<String, Object>> credits = new LinkedHashMap<>();
        for (Map<String, Object> row : scene.db().rows("bank1", CREDITS, ZHANG_SAN)) {
            credits.put((String) row.get("tx_no"), row);
        }
        Narrator say = scene.say();
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
                    credit == null ? say.words().text("audit.notCredited") : (String) credit.get("applied_by")));
        }
        String amountColumn = say.words().text("audit.column.amount");
        say.table(List.of("txNo", amountColumn, say.words().text("audit.column.creditedBy")), table);
        scene.check(eachOnce, "audit.eachOnce", payments.size());
        scene.check(credits.isEmpty(), "audit.noStrayCredit");
        BigDecimal balance = scene.bank().balance(ZHANG_SAN);
        scene.check(balance.compareTo(OPENING.add(paid)) == 0, "audit.balance", balance, OPENING, paid);
    }
}
