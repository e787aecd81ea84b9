package io.dtx.walkthrough.demo;

import static io.dtx.walkthrough.demo.Scene.CREDIT_TIMEOUT;
import static io.dtx.walkthrough.demo.Scene.ZHANG_SAN;
import static io.dtx.walkthrough.demo.Scene.shortTx;

import io.dtx.walkthrough.probe.ReceiverGate;
import io.dtx.walkthrough.probe.Reply;
import io.dtx.walkthrough.probe.Waits;
import io.dtx.walkthrough.stack.NotifierSetup;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Step 9: best-effort notification, scheme 2. The account service stops consuming the broker and
 * hears of payments only from the notifier, which calls it back over HTTP on Alipay's schedule
 * (3600 times faster); the receiver is down for the first three calls and credits at the fourth.
 * Then a receiver down past the last attempt: the notifier gives up, and the query path credits.
 */
final class BestEffortNotification implements Step {

    /** One hour of the schedule per second: Alipay's 4 min, 10 min, 10 min are 67, 167, 167 ms. */
    static final double TIME_SCALE = 1.0 / 3600;

    private static final String LOG = "SELECT a.attempt, a.due_at, a.started_at, a.http_status, a.outcome"
            + " FROM delivery_attempt a JOIN notification n ON n.id = a.notification_id"
            + " WHERE n.tx_no = ? ORDER BY a.round, a.attempt";

    @Override
    public String title() {
        return "notify.title";
    }

    @Override
    public void play(Scene scene) {
        Narrator say = scene.say();
        say.explain("notify.explain");
        scene.stack().callbacksOnly(true);
        scene.stack().account().kill();
        scene.stack().startAccount();
        ReceiverGate gate = gate(scene);
        say.explain("notify.schedule");
        scene.stack().notifier().start(new NotifierSetup(gate.url(), "alipay", TIME_SCALE, Duration.ofSeconds(3)));
        say.explain("notify.catchUp");
        BigDecimal before = scene.bank().balance(ZHANG_SAN);
        boolean caughtUp = Waits.eventually(
                CREDIT_TIMEOUT,
                () -> count(scene, "TRUE") > 0
                        && Waits.stays(Duration.ofSeconds(2), () -> count(scene, "status = 'pending'") == 0));
        scene.check(
                caughtUp
                        && count(scene, "status <> 'delivered'") == 0
                        && scene.bank().balance(ZHANG_SAN).compareTo(before) == 0,
                "notify.caughtUp",
                count(scene, "status = 'delivered'"));
        comesBackAtTheFourthAttempt(scene, gate);
        downPastTheLastAttempt(scene, gate);
        gate.shut(false); // left open: later steps' payments reach the account service by callback
    }

    private static void comesBackAtTheFourthAttempt(Scene scene, ReceiverGate gate) {
        Bank bank = scene.bank();
        BigDecimal before = bank.balance(ZHANG_SAN);
        gate.refuseFirst(ZHANG_SAN, 3);
        String txNo = bank.recharge(ZHANG_SAN, "50.00", null).field("txNo");
        boolean credited = Waits.eventually(CREDIT_TIMEOUT, () -> bank.credits(txNo) == 1);
        // The notifier records the attempt once the answer is in: after the account service committed.
        boolean delivered = Waits.eventually(Duration.ofSeconds(10), () -> "delivered".equals(status(scene, txNo)));
        List<String> outcomes = showLog(scene, txNo);
        List<ReceiverGate.Call> calls = gate.calls(txNo);
        scene.check(
                delivered
                        && outcomes.equals(List.of("failed", "failed", "failed", "acknowledged"))
                        && calls.size() == 4
                        && calls.get(3).answered() == 200,
                "notify.fourthAttempt",
                calls.size());
        scene.showCredit(txNo);
        String by = appliedBy(scene, txNo);
        if ("RECONCILIATION".equals(by)) {
            scene.say().explain("notify.reconciliationFirst");
        }
        scene.checkCredited(
                credited && ("CALLBACK".equals(by) || "RECONCILIATION".equals(by)),
                before,
                "50.00",
                "CALLBACK".equals(by) ? "notify.creditedByCallback" : "notify.creditedBy",
                by);
    }

    private static void downPastTheLastAttempt(Scene scene, ReceiverGate gate) {
        Narrator say = scene.say();
        Bank bank = scene.bank();
        say.explain("notify.givesUp");
        gate.shut(true);
        BigDecimal before = bank.balance(ZHANG_SAN);
        String txNo = bank.recharge(ZHANG_SAN, "25.00", null).field("txNo");
        boolean gaveUp = Waits.eventually(Duration.ofSeconds(90), () -> "gave_up".equals(status(scene, txNo)));
        scene.check(gaveUp && gate.calls(txNo).size() == 8, "notify.gaveUp");
        Reply pulled = bank.post(scene.workspace().accountUrl(), "/accounts/recharges/" + txNo + "/pull", "", null);
        scene.check(pulled.status() == 200, "notify.pullAnswered", pulled.field("outcome"));
        scene.showCredit(txNo);
        scene.checkCredited(bank.credits(txNo) == 1, before, "25.00", "notify.creditedByQuery");
    }

    /** Prints the delivery log; returns the outcomes in order. */
    private static List<String> showLog(Scene scene, String txNo) {
        List<List<String>> rows = new ArrayList<>();
        List<String> outcomes = new ArrayList<>();
        for (Map<String, Object> a : scene.db().rows("dtx_notify", LOG, txNo)) {
            rows.add(List.of(
                    String.valueOf(a.get("attempt")),
                    String.valueOf(a.get("due_at")),
                    String.valueOf(a.get("started_at")),
                    String.valueOf(a.get("http_status")),
                    String.valueOf(a.get("outcome"))));
            outcomes.add(String.valueOf(a.get("outcome")));
        }
        Narrator say = scene.say();
        say.explain("notify.log", shortTx(txNo));
        List<String> head = List.of(
                say.words().text("notify.column.attempt"),
                say.words().text("notify.column.due"),
                say.words().text("notify.column.started"),
                "HTTP",
                say.words().text("notify.column.outcome"));
        say.table(head, rows);
        return outcomes;
    }

    private static String appliedBy(Scene scene, String txNo) {
        return scene.db().scalar("bank1", "SELECT applied_by FROM de_duplication WHERE tx_no = ?", String.class, txNo);
    }

    private static long count(Scene scene, String where) {
        return scene.db().scalar("dtx_notify", "SELECT COUNT(*) FROM notification WHERE " + where, Long.class);
    }

    private static String status(Scene scene, String txNo) {
        return scene.db().scalar("dtx_notify", "SELECT status FROM notification WHERE tx_no = ?", String.class, txNo);
    }

    private static ReceiverGate gate(Scene scene) {
        try {
            return new ReceiverGate(scene.workspace().accountUrl() + "/accounts/callbacks/recharges");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
