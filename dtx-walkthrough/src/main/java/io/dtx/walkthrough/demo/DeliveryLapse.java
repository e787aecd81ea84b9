package io.dtx.walkthrough.demo;

import static io.dtx.walkthrough.demo.Scene.CREDIT_TIMEOUT;
import static io.dtx.walkthrough.demo.Scene.ZHANG_SAN;
import static io.dtx.walkthrough.demo.Scene.shortTx;

import io.dtx.walkthrough.probe.Reply;
import io.dtx.walkthrough.probe.Waits;
import io.dtx.walkthrough.stack.StackProfile;
import java.math.BigDecimal;
import java.time.Duration;

/** Step 6: a payment whose message never comes, closed first by the pull, then by reconciliation. */
final class DeliveryLapse implements Step {

    @Override
    public String title() {
        return "lapse.title";
    }

    @Override
    public void play(Scene scene) {
        Narrator say = scene.say();
        Bank bank = scene.bank();
        say.explain("lapse.explain");
        BigDecimal before = bank.balance(ZHANG_SAN);
        String pulled = pull(scene);
        String reconciled = scene.paymentWithoutMessage("60.00");
        long interval =
                StackProfile.DEMO.reconciliation().orElseThrow().interval().toSeconds();
        say.explain("lapse.reconciliation", shortTx(reconciled), interval);
        boolean found = Waits.eventually(CREDIT_TIMEOUT, () -> bank.credits(reconciled) == 1);
        scene.showCredit(pulled);
        scene.showCredit(reconciled);
        scene.checkCredited(found, before, "100.00", "lapse.bothOnce");
    }

    /** A lost payment credited on demand, twice asked, once credited; returns its txNo. */
    private static String pull(Scene scene) {
        Bank bank = scene.bank();
        String pulled = scene.paymentWithoutMessage("40.00");
        scene.check(
                Waits.stays(Duration.ofSeconds(1), () -> bank.credits(pulled) == 0),
                "lapse.lostPayment",
                shortTx(pulled));
        String path = "/accounts/recharges/" + pulled + "/pull";
        Reply first = bank.post(scene.workspace().accountUrl(), path, "", null);
        Reply again = bank.post(scene.workspace().accountUrl(), path, "", null);
        scene.check(
                "APPLIED".equals(first.field("outcome"))
                        && "ALREADY_APPLIED".equals(again.field("outcome"))
                        && bank.credits(pulled) == 1,
                "lapse.pulledOnce");
        return pulled;
    }
}
