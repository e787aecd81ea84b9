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
        return "Recharge 100.00: the payment and its message commit together, consumed once";
    }

    @Override
    public void play(Scene scene) {
        Narrator say = scene.say();
        Bank bank = scene.bank();
        if (scene.halfMessage()) {
            say.explain("The pay service stores a half message on the broker (invisible to consumers), commits the");
            say.explain("payment row in bank1_pay, then tells the broker COMMIT. The account service consumes the");
        } else {
            say.explain("(Publisher outbox.) The pay service commits the payment row and its message row (mq_notify)");
            say.explain("in one local transaction, then sends the message at once. The account service consumes the");
        }
        say.explain("message and, in one local transaction, inserts the txNo into de_duplication and adds 100.00.");
        BigDecimal before = bank.balance(ZHANG_SAN);
        Reply reply = bank.recharge(ZHANG_SAN, "100.00", null);
        scene.check(reply.status() == 201, "the payment is taken (201)");
        String txNo = reply.field("txNo");
        scene.rememberPayment(txNo);
        boolean credited = Waits.eventually(CREDIT_TIMEOUT, () -> bank.credits(txNo) == 1);
        scene.showPayment(txNo);
        scene.showCredit(txNo);
        scene.checkCredited(credited, before, "100.00", "credited once");
    }
}
