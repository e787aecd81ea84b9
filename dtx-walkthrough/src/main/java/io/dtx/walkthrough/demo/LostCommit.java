package io.dtx.walkthrough.demo;

import static io.dtx.walkthrough.demo.Scene.CREDIT_TIMEOUT;
import static io.dtx.walkthrough.demo.Scene.ZHANG_SAN;
import static io.dtx.walkthrough.demo.Scene.shortTx;

import io.dtx.walkthrough.probe.Reply;
import io.dtx.walkthrough.probe.Waits;
import io.dtx.walkthrough.stack.LocalStack;
import io.dtx.walkthrough.stack.PauseMoment;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;

/**
 * Step 4: the crash the whole design exists for, between the local commit and COMMIT. The pay
 * service's pause-after-commit lab seam holds the payment in that window so the SIGKILL lands there.
 */
final class LostCommit implements Step {

    private static final String BY_KEY = "SELECT id FROM account_pay WHERE idempotency_key = ?";
    private static final String COMMITS = "dtx_pay_checkback_total{answer=\"commit\"}";

    @Override
    public String title() {
        return "Lost commit: the pay service dies after its local commit, before its message is out";
    }

    @Override
    public void play(Scene scene) {
        Narrator say = scene.say();
        Bank bank = scene.bank();
        say.explain("We make the pay service pause right after committing the payment row, then kill it with");
        if (scene.halfMessage()) {
            say.explain("SIGKILL. The broker holds a half message nobody settled. When a pay service is back, the");
            say.explain(
                    "broker's check-back asks it; it answers from bank1_pay (COMMIT), and the message is delivered.");
        } else {
            say.explain(
                    "SIGKILL, before its first send. The message is a row in mq_notify, committed with the payment;");
            say.explain("the relay of the restarted pay service sends it once the row's grace is over.");
        }
        BigDecimal before = bank.balance(ZHANG_SAN);
        String key = "demo-" + UUID.randomUUID().toString().substring(0, 8);
        String txNo = commitThenCrash(scene, key);
        if (scene.halfMessage()) {
            checkBack(scene);
        } else {
            relaySends(scene, txNo);
        }
        boolean credited = Waits.eventually(CREDIT_TIMEOUT, () -> bank.credits(txNo) == 1);
        scene.showCredit(txNo);
        String appliedBy =
                scene.db().scalar("bank1", "SELECT applied_by FROM de_duplication WHERE tx_no = ?", String.class, txNo);
        if ("RECONCILIATION".equals(appliedBy)) {
            say.explain("This time the reconciliation job reached the payment before the check-back's message did;");
            say.explain("the message, when it came, hit the dedup row. Two safety nets, one credit.");
        }
        scene.checkCredited(credited, before, "250.00", "credited once");
        say.explain("The client retries with the same Idempotency-Key, as a careful client does:");
        Reply retry = bank.recharge(ZHANG_SAN, "250.00", key);
        scene.check(
                retry.status() == 201 && txNo.equals(retry.field("txNo")) && bank.credits(txNo) == 1,
                "it gets the same payment back; nothing is charged or credited twice");
    }

    /** Pays with the pause on, SIGKILLs the pay service in the window; returns the payment's txNo. */
    private static String commitThenCrash(Scene scene, String key) {
        Bank bank = scene.bank();
        LocalStack stack = scene.stack();
        pauseAfterCommit(scene, true);
        CompletableFuture<Reply> client = CompletableFuture.supplyAsync(() -> bank.recharge(ZHANG_SAN, "250.00", key));
        boolean committed = Waits.eventually(
                Duration.ofSeconds(30),
                () -> !scene.db().rows("bank1_pay", BY_KEY, key).isEmpty());
        List<Map<String, Object>> rows = scene.db().rows("bank1_pay", BY_KEY, key);
        String txNo = committed ? (String) rows.get(0).get("id") : null;
        scene.check(
                committed,
                "payment " + shortTx(txNo) + " committed in bank1_pay; the pay service is paused before COMMIT");
        scene.check(
                bank.credits(txNo) == 0,
                scene.halfMessage()
                        ? "not credited: the broker still holds it as a half message"
                        : "not credited: its message is still a row in mq_notify");
        scene.say().explain("kill -9 " + stack.pay().pid() + "  (the pay service)");
        stack.killPay();
        pauseAfterCommit(scene, false);
        Reply lost = client.join();
        scene.say()
                .explain("The client's request died with the process (" + lost.body()
                        + "): it cannot know whether it paid.");
        return txNo;
    }

    private static void checkBack(Scene scene) {
        scene.say().explain("Restarting the pay service; the broker will ask it about the half message.");
        scene.stack().startPay();
        String payMetrics = scene.workspace().payManagementUrl();
        boolean checkedBack =
                Waits.eventually(CREDIT_TIMEOUT, () -> scene.bank().metric(payMetrics, COMMITS) >= 1);
        scene.check(
                checkedBack,
                "the restarted pay service answered the broker's check-back with COMMIT (" + COMMITS + ")");
    }

    private static void relaySends(Scene scene, String txNo) {
        scene.say().explain("Restarting the pay service; its relay finds the row that was never sent.");
        scene.stack().startPay();
        boolean sent = Waits.eventually(
                CREDIT_TIMEOUT,
                () -> "finish"
                        .equals(scene.db()
                                .scalar(
                                        "bank1_pay",
                                        "SELECT status FROM mq_notify WHERE tx_no = ?",
                                        String.class,
                                        txNo)));
        scene.check(sent, "the restarted pay service's relay sent the row (mq_notify status 'finish')");
    }

    /** The pause trigger: while the file exists, every payment waits after its local commit. */
    private static void pauseAfterCommit(Scene scene, boolean on) {
        try {
            if (on) {
                PauseMoment.AFTER_LOCAL_COMMIT.pauseAt(scene.workspace());
            } else {
                PauseMoment.resume(scene.workspace());
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
