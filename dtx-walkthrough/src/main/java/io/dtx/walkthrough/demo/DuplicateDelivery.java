package io.dtx.walkthrough.demo;

import static io.dtx.walkthrough.demo.Scene.ZHANG_SAN;
import static io.dtx.walkthrough.demo.Scene.shortTx;

import io.dtx.contract.Messaging;
import io.dtx.walkthrough.probe.Redelivery;
import io.dtx.walkthrough.probe.Waits;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/** Step 3: the very same message sent again, for real; the dedup row turns it away. */
final class DuplicateDelivery implements Step {

    private static final String IGNORED = "dtx_account_credits_total{outcome=\"already_applied\",path=\"message\"}";

    @Override
    public String title() {
        return "duplicate.title";
    }

    @Override
    public void play(Scene scene) {
        Narrator say = scene.say();
        Bank bank = scene.bank();
        String accountMetrics = scene.workspace().accountManagementUrl();
        say.explain("duplicate.explain");
        String txNo = scene.lastPayment();
        BigDecimal before = bank.balance(ZHANG_SAN);
        double ignoredBefore = bank.metric(accountMetrics, IGNORED);
        String body = messageBody(scene, txNo);
        say.request("send " + Messaging.RECHARGE_TOPIC + ":" + Messaging.RECHARGE_SUCCEEDED_TAG + " keys=" + txNo + "  "
                + body);
        Redelivery.send(
                scene.stack().namesrvAddr(), scene.stack().messageSigning(), List.of(new Redelivery.Copy(txNo, body)));
        boolean delivered =
                Waits.eventually(Duration.ofSeconds(30), () -> bank.metric(accountMetrics, IGNORED) > ignoredBefore);
        scene.check(delivered, "duplicate.reached", IGNORED);
        boolean unchanged =
                Waits.stays(Duration.ofSeconds(2), () -> bank.balance(ZHANG_SAN).compareTo(before) == 0);
        BigDecimal after = bank.balance(ZHANG_SAN);
        scene.check(unchanged && bank.credits(txNo) == 1, "duplicate.unchanged", shortTx(txNo), after);
    }

    /** The message as the pay service sent it, rebuilt from the payment row. */
    private static String messageBody(Scene scene, String txNo) {
        Map<String, Object> payment = scene.db()
                .rows("bank1_pay", "SELECT account_no, pay_amount FROM account_pay WHERE id = ?", txNo)
                .get(0);
        return "{\"txNo\":\"" + txNo + "\",\"accountNo\":\"" + payment.get("account_no") + "\",\"amount\":"
                + ((BigDecimal) payment.get("pay_amount")).toPlainString() + "}";
    }
}
