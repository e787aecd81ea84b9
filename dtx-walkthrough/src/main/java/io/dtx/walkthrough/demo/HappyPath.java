package io.dtx.walkthrough.demo;

import static io.dtx.walkthrough.demo.Scene.CREDIT_TIMEOUT;
import static io.dtx.walkthrough.demo.Scene.ZHANG_SAN;

import io.dtx.walkthrough.probe.Reply;
import io.dtx.walkthrough.probe.Waits;
import java.math.BigDecimal;

/** Step 2: one recharge the whole way, half message to dedup row. */
final class HappyPath implements Step {

    @Override
    public String title() {
        return "happy.title";
    }

    @Override
    public void play(Scene scene) {
        Narrator say = scene.say();
        Bank bank = scene.bank();
        say.explain(scene.halfMessage() ? "happy.explain.halfMessage" : "happy.explain.outbox");
        BigDecimal before = bank.balance(ZHANG_SAN);
        Reply reply = bank.recharge(ZHANG_SAN, "100.00", null);
        scene.check(reply.status() == 201, "happy.taken");
        String txNo = reply.field("txNo");
        scene.rememberPayment(txNo);
        boolean credited = Waits.eventually(CREDIT_TIMEOUT, () -> bank.credits(txNo) == 1);
        scene.showPayment(txNo);
        scene.showCredit(txNo);
        scene.checkCredited(credited, before, "100.00", "happy.creditedOnce");
    }
}
