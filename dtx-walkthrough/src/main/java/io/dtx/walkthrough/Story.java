package io.dtx.walkthrough;

import io.dtx.contract.Messaging;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import org.apache.rocketmq.client.producer.DefaultMQProducer;
import org.apache.rocketmq.common.message.Message;

/**
 * The bank recharge story in eight steps, each one checked against the databases. Every step
 * works on its own (a step needing an earlier payment makes one), so any step can be replayed.
 */
final class Story {

    static final int STEPS = 8;
    private static final String ZHANG_SAN = "1";
    private static final BigDecimal OPENING = new BigDecimal("10000.00");
    private static final Duration CREDIT_TIMEOUT = Duration.ofSeconds(60);

    private final Workspace workspace;
    private final LocalStack stack;
    private final Bank bank;
    private final Narrator say;
    private boolean allHeld = true;
    private String lastTxNo;

    Story(Workspace workspace, LocalStack stack, Narrator say) {
        this.workspace = workspace;
        this.stack = stack;
        this.say = say;
        this.bank = new Bank(workspace, stack, say);
    }

    /** Runs the steps; true only if every check of every step held. */
    boolean run(List<Integer> steps) {
        Map<Integer, Long> times = new LinkedHashMap<>();
        long started = System.nanoTime();
        for (int step : steps) {
            long t0 = System.nanoTime();
            try {
                runStep(step);
            } catch (RuntimeException e) {
                check(false, "step failed: " + e.getMessage());
            }
            times.put(step, (System.nanoTime() - t0) / 1_000_000);
        }
        say.summary(times, allHeld, (System.nanoTime() - started) / 1_000_000);
        return allHeld;
    }

    private void runStep(int step) {
        switch (step) {
            case 1 -> openingBalance();
            case 2 -> happyPath();
            case 3 -> duplicateDelivery();
            case 4 -> lostCommit();
            case 5 -> accountServiceDown();
            case 6 -> deliveryLapse();
            case 7 -> badRequest();
            case 8 -> audit();
            default -> throw new IllegalArgumentException("There is no step " + step + " (1-" + STEPS + ")");
        }
    }

    private void openingBalance() {
        say.heading(1, "Zhang San's account starts at 10000.00");
        say.explain("The account service owns balances in its database bank1; the seed account is number 1.");
        bank.get(workspace.accountUrl(), "/accounts/" + ZHANG_SAN);
        check(bank.balance(ZHANG_SAN).compareTo(OPENING) == 0, "bank1.account_info: account 1 holds " + bank.balance(ZHANG_SAN));
    }

    private void happyPath() {
        say.heading(2, "Recharge 100.00: half message, local commit, COMMIT, consume, dedup");
        say.explain("The pay service stores a half message on the broker (invisible to consumers), commits the");
        say.explain("payment row in bank1_pay, then tells the broker COMMIT. The account service consumes the");
        say.explain("message and, in one local transaction, inserts the txNo into de_duplication and adds 100.00.");
        BigDecimal before = bank.balance(ZHANG_SAN);
        Bank.Reply reply = bank.recharge(ZHANG_SAN, "100.00", null);
        check(reply.status() == 201, "the payment is taken (201)");
        String txNo = reply.field("txNo");
        lastTxNo = txNo;
        boolean credited = Bank.eventually(CREDIT_TIMEOUT, () -> bank.credits(txNo) == 1);
        showPayment(txNo);
        showCredit(txNo);
        checkCredited(credited, before, "100.00", "credited once");
    }

    private void duplicateDelivery() {
        say.heading(3, "The same message delivered again is ignored");
        say.explain("RocketMQ delivers at least once: a consumer can see a message twice. We send the very same");
        say.explain("payment message again, for real; the INSERT into de_duplication hits the existing txNo and");
        say.explain("the whole credit is skipped.");
        String txNo = lastTxNo != null ? lastTxNo : paidAndCredited("100.00");
        BigDecimal before = bank.balance(ZHANG_SAN);
        String ignoredSeries = "dtx_account_credits_total{outcome=\"already_applied\",path=\"message\"}";
        double ignoredBefore = bank.metric(workspace.accountUrl(), ignoredSeries);
        Map<String, Object> payment = bank.rows("bank1_pay", "SELECT account_no, pay_amount FROM account_pay WHERE id = ?", txNo).get(0);
        String body = "{\"txNo\":\"" + txNo + "\",\"accountNo\":\"" + payment.get("account_no") + "\",\"amount\":"
                + ((BigDecimal) payment.get("pay_amount")).toPlainString() + "}";
        say.request("send " + Messaging.RECHARGE_TOPIC + ":" + Messaging.RECHARGE_SUCCEEDED_TAG + " keys=" + txNo + "  " + body);
        sendPlainMessage(txNo, body);
        boolean delivered = Bank.eventually(Duration.ofSeconds(30), () -> bank.metric(workspace.accountUrl(), ignoredSeries) > ignoredBefore);
        check(delivered, "the duplicate reached the consumer (" + ignoredSeries + " went up)");
        boolean unchanged = Bank.stays(Duration.ofSeconds(2), () -> bank.balance(ZHANG_SAN).compareTo(before) == 0);
        check(unchanged && bank.credits(txNo) == 1, "still one credit for " + shortTx(txNo) + ", balance unchanged at " + bank.balance(ZHANG_SAN));
    }

    private void lostCommit() {
        say.heading(4, "Lost commit: the pay service dies after its local commit, before the broker hears COMMIT");
        say.explain("We make the pay service pause right after committing the payment row, then kill it with");
        say.explain("SIGKILL. The broker holds a half message nobody settled. When a pay service is back, the");
        say.explain("broker's check-back asks it; it answers from bank1_pay (COMMIT), and the message is delivered.");
        BigDecimal before = bank.balance(ZHANG_SAN);
        String key = "demo-" + UUID.randomUUID().toString().substring(0, 8);
        try {
            Files.writeString(workspace.pauseTrigger(), "pause");
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        CompletableFuture<Bank.Reply> client = CompletableFuture.supplyAsync(() -> bank.recharge(ZHANG_SAN, "250.00", key));
        boolean committed = Bank.eventually(Duration.ofSeconds(30), () -> !bank.rows("bank1_pay",
                "SELECT id FROM account_pay WHERE idempotency_key = ?", key).isEmpty());
        String txNo = committed ? (String) bank.rows("bank1_pay", "SELECT id FROM account_pay WHERE idempotency_key = ?", key).get(0).get("id") : null;
        check(committed, "payment " + shortTx(txNo) + " committed in bank1_pay; the pay service is paused before COMMIT");
        check(bank.credits(txNo) == 0, "not credited: the broker still holds it as a half message");
        say.explain("kill -9 " + stack.pay().pid() + "  (the pay service)");
        stack.killPay();
        deleteTrigger();
        Bank.Reply lost = client.join();
        say.explain("The client's request died with the process (" + lost.body() + "): it cannot know whether it paid.");
        say.explain("Restarting the pay service; the broker will ask it about the half message.");
        stack.startPay();
        String commits = "dtx_pay_checkback_total{answer=\"commit\"}";
        boolean checkedBack = Bank.eventually(CREDIT_TIMEOUT, () -> bank.metric(workspace.payUrl(), commits) >= 1);
        check(checkedBack, "the restarted pay service answered the broker's check-back with COMMIT (" + commits + ")");
        boolean credited = Bank.eventually(CREDIT_TIMEOUT, () -> bank.credits(txNo) == 1);
        showCredit(txNo);
        if ("RECONCILIATION".equals(bank.scalar("bank1", "SELECT applied_by FROM de_duplication WHERE tx_no = ?", String.class, txNo))) {
            say.explain("This time the reconciliation job reached the payment before the check-back's message did;");
            say.explain("the message, when it came, hit the dedup row. Two safety nets, one credit.");
        }
        checkCredited(credited, before, "250.00", "credited once");
        say.explain("The client retries with the same Idempotency-Key, as a careful client does:");
        Bank.Reply retry = bank.recharge(ZHANG_SAN, "250.00", key);
        check(retry.status() == 201 && txNo.equals(retry.field("txNo")) && bank.credits(txNo) == 1,
                "it gets the same payment back; nothing is charged or credited twice");
    }

    private void accountServiceDown() {
        say.heading(5, "The account service is down while payments are made");
        say.explain("kill -9 " + stack.account().pid() + "  (the account service). The pay service keeps taking payments: its");
        say.explain("messages wait on the broker, which delivers them once a consumer of the group is back.");
        stack.killAccount();
        BigDecimal before = bank.balance(ZHANG_SAN);
        List<String> txNos = new ArrayList<>();
        for (String amount : List.of("10.00", "20.00", "30.00")) {
            Bank.Reply reply = bank.recharge(ZHANG_SAN, amount, null);
            check(reply.status() == 201, "payment of " + amount + " taken while the account service is down");
            txNos.add(reply.field("txNo"));
        }
        check(Bank.stays(Duration.ofSeconds(2), () -> txNos.stream().allMatch(tx -> bank.credits(tx) == 0)), "nothing credited yet");
        say.explain("Restarting the account service.");
        stack.startAccount();
        boolean all = Bank.eventually(CREDIT_TIMEOUT, () -> txNos.stream().allMatch(tx -> bank.credits(tx) == 1));
        txNos.forEach(this::showCredit);
        checkCredited(all, before, "60.00", "each credited once");
    }

    private void deliveryLapse() {
        say.heading(6, "Delivery lapses entirely: the account side pulls the result itself");
        say.explain("A message can be lost for good (a dead-lettered message, an operator's mistake). We write a");
        say.explain("payment straight into bank1_pay, so the broker never hears of it, and watch the account side");
        say.explain("close the gap: first on demand through the pull endpoint, then on its own by reconciliation.");
        BigDecimal before = bank.balance(ZHANG_SAN);
        String pulled = paymentWithoutMessage("40.00");
        check(Bank.stays(Duration.ofSeconds(1), () -> bank.credits(pulled) == 0), "payment " + shortTx(pulled) + " exists in bank1_pay, no message, not credited");
        Bank.Reply first = bank.post(workspace.accountUrl(), "/accounts/recharges/" + pulled + "/pull", "", null);
        Bank.Reply again = bank.post(workspace.accountUrl(), "/accounts/recharges/" + pulled + "/pull", "", null);
        check("APPLIED".equals(first.field("outcome")) && "ALREADY_APPLIED".equals(again.field("outcome")) && bank.credits(pulled) == 1,
                "the pull credited it once; pulling again changes nothing");
        String reconciled = paymentWithoutMessage("60.00");
        say.explain("A second lost payment, " + shortTx(reconciled) + ": nobody asks for it. The reconciliation job (every "
                + LocalStack.RECONCILE_INTERVAL.toSeconds() + " s here)");
        say.explain("reads the pay side's feed from its saved cursor and finds it.");
        boolean found = Bank.eventually(CREDIT_TIMEOUT, () -> bank.credits(reconciled) == 1);
        showCredit(pulled);
        showCredit(reconciled);
        checkCredited(found, before, "100.00", "both credited once");
    }

    private void badRequest() {
        say.heading(7, "A bad request is refused and changes nothing");
        long payments = bank.scalar("bank1_pay", "SELECT COUNT(*) FROM account_pay", Long.class);
        BigDecimal before = bank.balance(ZHANG_SAN);
        Bank.Reply reply = bank.recharge(ZHANG_SAN, "-5.00", null);
        check(reply.status() == 400 && reply.body().contains("\"field\":\"amount\""), "400 with a problem body naming the field");
        check(bank.scalar("bank1_pay", "SELECT COUNT(*) FROM account_pay", Long.class) == payments
                && bank.balance(ZHANG_SAN).compareTo(before) == 0, "no payment written, no message sent, balance unchanged");
    }

    private void audit() {
        say.heading(8, "Final audit: every successful payment credited exactly once");
        List<Map<String, Object>> payments = bank.rows("bank1_pay",
                "SELECT id, pay_amount FROM account_pay WHERE account_no = ? AND result = 'success' ORDER BY seq", ZHANG_SAN);
        Map<String, Map<String, Object>> credits = new LinkedHashMap<>();
        for (Map<String, Object> row : bank.rows("bank1", "SELECT tx_no, amount, applied_by FROM de_duplication WHERE account_no = ?", ZHANG_SAN)) {
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
            table.add(List.of(shortTx(txNo), amount.toPlainString(), credit == null ? "NOT CREDITED" : (String) credit.get("applied_by")));
        }
        say.table(List.of("txNo", "amount", "credited by"), table);
        check(eachOnce, payments.size() + " successful payment(s) in bank1_pay, each with exactly one credit in bank1");
        check(credits.isEmpty(), "no credit without a payment");
        BigDecimal balance = bank.balance(ZHANG_SAN);
        check(balance.compareTo(OPENING.add(paid)) == 0, "balance " + balance + " = opening " + OPENING + " + payments " + paid);
    }

    private String paidAndCredited(String amount) {
        String txNo = bank.recharge(ZHANG_SAN, amount, null).field("txNo");
        Bank.eventually(CREDIT_TIMEOUT, () -> bank.credits(txNo) == 1);
        return txNo;
    }

    private String paymentWithoutMessage(String amount) {
        String txNo = UUID.randomUUID().toString();
        bank.update("bank1_pay", "INSERT INTO account_pay (id, account_no, pay_amount, result) VALUES (?, ?, ?, 'success')", txNo, ZHANG_SAN, new BigDecimal(amount));
        say.db("INSERT INTO bank1_pay.account_pay ... " + shortTx(txNo) + " " + amount + " success  (no message sent)");
        return txNo;
    }

    private void sendPlainMessage(String key, String body) {
        DefaultMQProducer producer = new DefaultMQProducer("dtx-walkthrough-" + UUID.randomUUID());
        producer.setNamesrvAddr(stack.namesrvAddr());
        try {
            producer.start();
            producer.send(new Message(Messaging.RECHARGE_TOPIC, Messaging.RECHARGE_SUCCEEDED_TAG, key, body.getBytes(StandardCharsets.UTF_8)));
        } catch (Exception e) {
            throw new IllegalStateException("Could not send the duplicate: " + e.getMessage(), e);
        } finally {
            producer.shutdown();
        }
    }

    private void showPayment(String txNo) {
        bank.rows("bank1_pay", "SELECT id, account_no, pay_amount, result, created_at FROM account_pay WHERE id = ?", txNo)
                .forEach(row -> say.db("bank1_pay.account_pay  " + shortTx(txNo) + "  account " + row.get("account_no")
                        + "  " + row.get("pay_amount") + "  " + row.get("result")));
    }

    private void showCredit(String txNo) {
        List<Map<String, Object>> rows = bank.rows("bank1", "SELECT amount, applied_by FROM de_duplication WHERE tx_no = ?", txNo);
        say.db("bank1.de_duplication  " + shortTx(txNo) + "  " + (rows.isEmpty() ? "(none)" : rows.get(0).get("amount") + " by " + rows.get(0).get("applied_by")));
    }

    private void deleteTrigger() {
        try {
            Files.deleteIfExists(workspace.pauseTrigger());
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /** The payment(s) arrived, and the balance moved by exactly the amount: not less, not twice. */
    private void checkCredited(boolean arrived, BigDecimal before, String amount, String what) {
        BigDecimal now = bank.balance(ZHANG_SAN);
        check(arrived && now.compareTo(before.add(new BigDecimal(amount))) == 0, what + ": balance " + before + " -> " + now);
    }

    private void check(boolean held, String what) {
        allHeld &= held;
        say.check(held, what);
    }

    private static String shortTx(String txNo) {
        return txNo == null ? "(none)" : txNo.substring(0, Math.min(8, txNo.length()));
    }
}
