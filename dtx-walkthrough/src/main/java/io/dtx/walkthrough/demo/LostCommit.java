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
        return "lost.title";
    }

    @Override
    public void play(Scene scene) {
        Narrator say = scene.say();
        Bank bank = scene.bank();
        say.explain(scene.halfMessage() ? "lost.explain.halfMessage" : "lost.explain.outbox");
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
            say.explain("lost.reconciliationFirst");
        }
        scene.checkCredited(credited, before, "250.00", "lost.creditedOnce");
        say.explain("lost.retry");
        Reply retry = bank.recharge(ZHANG_SAN, "250.00", key);
        scene.check(
                retry.status() == 201 && txNo.equals(retry.field("txNo")) && bank.credits(txNo) == 1,
                "lost.samePaymentBack");
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
        scene.check(committed, "lost.committed", shortTx(txNo));
        String notYet = scene.halfMessage() ? "lost.notCredited.halfMessage" : "lost.notCredited.outbox";
        scene.check(bank.credits(txNo) == 0, notYet);
        scene.say().explain("lost.kill", stack.pay().pid());
        stack.pay().kill();
        pauseAfterCommit(scene, false);
        Reply lost = client.join();
        scene.say().explain("lost.clientDied", lost.body());
        return txNo;
    }

    private static void checkBack(Scene scene) {
        scene.say().explain("lost.restart.halfMessage");
        scene.stack().startPay();
        String payMetrics = scene.workspace().payManagementUrl();
        boolean checkedBack =
                Waits.eventually(CREDIT_TIMEOUT, () -> scene.bank().metric(payMetrics, COMMITS) >= 1);
        scene.check(checkedBack, "lost.checkedBack", COMMITS);
    }

    private static void relaySends(Scene scene, String txNo) {
        scene.say().explain("lost.restart.outbox");
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
        scene.check(sent, "lost.relaySent");
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
