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
        return "Delivery lapses entirely: the account side pulls the result itself";
    }

    @Override
    public void play(Scene scene) {
        Narrator say = scene.say();
        Bank bank = scene.bank();
        say.explain("A message can be lost for good (a dead-lettered message, an operator's mistake). We write a");
        say.explain("payment straight into bank1_pay, so the broker never hears of it, and watch the account side");
        say.explain("close the gap: first on demand through the pull endpoint, then on its own by reconciliation.");
        BigDecimal before = bank.balance(ZHANG_SAN);
        String pulled = pull(scene);
        String reconciled = scene.paymentWithoutMessage("60.00");
        long interval =
                StackProfile.DEMO.reconciliation().orElseThrow().interval().toSeconds();
        say.explain("A second lost payment, " + shortTx(reconciled)
                + ": nobody asks for it. The reconciliation job (every " + interval + " s here)");
        say.explain("reads the pay side's feed from its saved cursor and finds it.");
        boolean found = Waits.eventually(CREDIT_TIMEOUT, () -> bank.credits(reconciled) == 1);
        scene.showCredit(pulled);
        scene.showCredit(reconciled);
        scene.checkCredited(found, before, "100.00", "both credited once");
    }

    /** A lost payment credited on demand, twice asked, once credited; returns its txNo. */
    private static String pull(Scene scene) {
        Bank bank = scene.bank();
        String pulled = scene.paymentWithoutMessage("40.00");
        scene.check(
                Waits.stays(Duration.ofSeconds(1), () -> bank.credits(pulled) == 0),
                "payment " + shortTx(pulled) + " exists in bank1_pay, no message, not credited");
        String path = "/accounts/recharges/" + pulled + "/pull";
        Reply first = bank.post(scene.workspace().accountUrl(), path, "", null);
        Reply again = bank.post(scene.workspace().accountUrl(), path, "", null);
        scene.check(
                "APPLIED".equals(first.field("outcome"))
                        && "ALREADY_APPLIED".equals(again.field("outcome"))
                        && bank.credits(pulled) == 1,
                "the pull credited it once; pulling again changes nothing");
        return pulled;
    }
}
