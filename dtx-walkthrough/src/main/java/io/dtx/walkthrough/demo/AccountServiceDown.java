package io.dtx.walkthrough.demo;

import static io.dtx.walkthrough.demo.Scene.CREDIT_TIMEOUT;
import static io.dtx.walkthrough.demo.Scene.ZHANG_SAN;

import io.dtx.walkthrough.probe.Reply;
import io.dtx.walkthrough.probe.Waits;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/** Step 5: payments go on while the consumer is dead; the broker keeps its messages until it is back. */
final class AccountServiceDown implements Step {

    @Override
    public String title() {
        return "accountDown.title";
    }

    @Override
    public void play(Scene scene) {
        Narrator say = scene.say();
        Bank bank = scene.bank();
        say.explain("accountDown.explain", scene.stack().account().pid());
        scene.stack().account().kill();
        BigDecimal before = bank.balance(ZHANG_SAN);
        List<String> txNos = new ArrayList<>();
        for (String amount : List.of("10.00", "20.00", "30.00")) {
            Reply reply = bank.recharge(ZHANG_SAN, amount, null);
            scene.check(reply.status() == 201, "accountDown.taken", amount);
            txNos.add(reply.field("txNo"));
        }
        scene.check(
                Waits.stays(Duration.ofSeconds(2), () -> txNos.stream().allMatch(tx -> bank.credits(tx) == 0)),
                "accountDown.nothingYet");
        say.explain("accountDown.restart");
        scene.stack().startAccount();
        boolean all = Waits.eventually(CREDIT_TIMEOUT, () -> txNos.stream().allMatch(tx -> bank.credits(tx) == 1));
        txNos.forEach(scene::showCredit);
        scene.checkCredited(all, before, "60.00", "accountDown.eachOnce");
    }
}
