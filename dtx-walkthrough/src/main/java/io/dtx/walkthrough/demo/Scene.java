package io.dtx.walkthrough.demo;

import io.dtx.walkthrough.probe.Databases;
import io.dtx.walkthrough.probe.Waits;
import io.dtx.walkthrough.stack.LocalStack;
import io.dtx.walkthrough.stack.Workspace;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** What every step works with, the checks they share, and whether every check so far held. */
final class Scene {

    static final String ZHANG_SAN = "1";
    static final BigDecimal OPENING = new BigDecimal("10000.00");
    static final Duration CREDIT_TIMEOUT = Duration.ofSeconds(60);
    private static final String INSERT_PAYMENT =
            "INSERT INTO account_pay (id, account_no, pay_amount, result) VALUES (?, ?, ?, 'success')";
    private static final String PAYMENT =
            "SELECT id, account_no, pay_amount, result, created_at FROM account_pay WHERE id = ?";
    private static final String CREDIT = "SELECT amount, applied_by FROM de_duplication WHERE tx_no = ?";

    private final Workspace workspace;
    private final LocalStack stack;
    private final Databases db;
    private final Bank bank;
    private final Narrator say;
    private boolean allHeld = true;
    /** The payment step 2 made, which step 3 delivers again; null if step 2 did not run. */
    private String lastTxNo;

    Scene(Workspace workspace, LocalStack stack, Narrator say) {
        this.workspace = workspace;
        this.stack = stack;
        this.say = say;
        this.db = new Databases(stack);
        this.bank = new Bank(workspace, stack, db, say);
    }

    Workspace workspace() {
        return workspace;
    }

    /** True when payments go out as half messages; false with the local message table. */
    boolean halfMessage() {
        return "transactional".equals(workspace.publisher());
    }

    LocalStack stack() {
        return stack;
    }

    Databases db() {
        return db;
    }

    Bank bank() {
        return bank;
    }

    Narrator say() {
        return say;
    }

    boolean allHeld() {
        return allHeld;
    }

    /** Prints the check {@code key} (in the story's words) as held or not, and remembers a failure. */
    void check(boolean held, String key, Object... values) {
        allHeld &= held;
        say.check(held, say.words().text(key, values));
    }

    /** The payment(s) arrived, and the balance moved by exactly the amount: not less, not twice. */
    void checkCredited(boolean arrived, BigDecimal before, String amount, String whatKey, Object... whatValues) {
        BigDecimal now = bank.balance(ZHANG_SAN);
        check(
                arrived && now.compareTo(before.add(new BigDecimal(amount))) == 0,
                "scene.balanceMoved",
                say.words().text(whatKey, whatValues),
                before,
                now);
    }

    void rememberPayment(String txNo) {
        lastTxNo = txNo;
    }

    /** Step 2's payment, or a new one paid and credited when step 2 did not run. */
    String lastPayment() {
        if (lastTxNo == null) {
            String txNo = bank.recharge(ZHANG_SAN, "100.00", null).field("txNo");
            Waits.eventually(CREDIT_TIMEOUT, () -> bank.credits(txNo) == 1);
            return txNo;
        }
        return lastTxNo;
    }

    /** A successful payment the broker never hears of: written straight into bank1_pay. */
    String paymentWithoutMessage(String amount) {
        String txNo = UUID.randomUUID().toString();
        db.update("bank1_pay", INSERT_PAYMENT, txNo, ZHANG_SAN, new BigDecimal(amount));
        say.db("INSERT INTO bank1_pay.account_pay ... " + shortTx(txNo) + " " + amount + " success  "
                + say.words().text("scene.noMessageSent"));
        return txNo;
    }

    void showPayment(String txNo) {
        db.rows("bank1_pay", PAYMENT, txNo)
                .forEach(row -> say.db("bank1_pay.account_pay  " + shortTx(txNo) + "  account " + row.get("account_no")
                        + "  " + row.get("pay_amount") + "  " + row.get("result")));
    }

    void showCredit(String txNo) {
        List<Map<String, Object>> rows = db.rows("bank1", CREDIT, txNo);
        String shown = rows.isEmpty()
                ? say.words().text("scene.none")
                : say.words()
                        .text(
                                "scene.creditBy",
                                rows.get(0).get("amount"),
                                rows.get(0).get("applied_by"));
        say.db("bank1.de_duplication  " + shortTx(txNo) + "  " + shown);
    }

    static String shortTx(String txNo) {
        return txNo == null ? "(none)" : txNo.substring(0, Math.min(8, txNo.length()));
    }
}
