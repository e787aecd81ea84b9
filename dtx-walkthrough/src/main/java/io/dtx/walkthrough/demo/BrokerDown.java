package io.dtx.walkthrough.demo;

import static io.dtx.walkthrough.demo.Scene.CREDIT_TIMEOUT;
import static io.dtx.walkthrough.demo.Scene.ZHANG_SAN;

import io.dtx.walkthrough.probe.Reply;
import io.dtx.walkthrough.probe.Waits;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * Step 8: the broker is down while customers pay. What happens depends on the publisher, and that
 * is the difference between the two: the half message needs the broker before the payment, the
 * local message table only after it.
 */
final class BrokerDown implements Step {

    @Override
    public String title() {
        return "brokerDown.title";
    }

    @Override
    public void play(Scene scene) {
        String publisher = scene.workspace().publisher();
        scene.say().explain("brokerDown.kill", scene.stack().broker().pid());
        scene.stack().killBroker();
        switch (publisher) {
            case "outbox" -> paymentsWaitInTheTable(scene);
            case "queue-first" -> requestsAreRefused(scene);
            default -> paymentsAreRefused(scene);
        }
    }

    /** Queue first: the broker is where a request lives, so without it there is no request. */
    private static void requestsAreRefused(Scene scene) {
        Bank bank = scene.bank();
        scene.say().explain("brokerDown.queueFirst.explain");
        long rowsBefore = payments(scene);
        Reply refused = bank.post(
                scene.workspace().payUrl(),
                "/pay/recharge-requests",
                "{\"accountNo\":\"" + ZHANG_SAN + "\",\"amount\":\"40.00\"}",
                null);
        scene.check(refused.status() == 503, "brokerDown.queueFirst.refused");
        Reply status = bank.get(scene.workspace().payUrl(), "/pay/recharge-requests/" + refused.field("requestId"));
        scene.check(status.body().contains("REJECTED"), "brokerDown.queueFirst.rejected");
        scene.check(payments(scene) == rowsBefore, "brokerDown.queueFirst.noRow");
        scene.say().explain("brokerDown.queueFirst.restart");
        scene.stack().restartBroker();
    }

    /** Publisher transactional: no half message, no payment; and nothing written. */
    private static void paymentsAreRefused(Scene scene) {
        Bank bank = scene.bank();
        scene.say().explain("brokerDown.halfMessage.explain");
        BigDecimal before = bank.balance(ZHANG_SAN);
        long rowsBefore = payments(scene);
        Reply refused = bank.recharge(ZHANG_SAN, "40.00", null);
        scene.check(refused.status() == 503, "brokerDown.halfMessage.refused");
        scene.check(payments(scene) == rowsBefore, "brokerDown.halfMessage.noRow");
        scene.say().explain("brokerDown.halfMessage.restart");
        scene.stack().restartBroker();
        String key = "broker-back-" + System.nanoTime();
        boolean taken = Waits.eventually(
                Duration.ofSeconds(60),
                () -> bank.recharge(ZHANG_SAN, "40.00", key).status() == 201);
        boolean credited = taken
                && Waits.eventually(
                        CREDIT_TIMEOUT, () -> bank.balance(ZHANG_SAN).compareTo(before) > 0);
        scene.checkCredited(credited, before, "40.00", "brokerDown.halfMessage.credited");
    }

    private static long payments(Scene scene) {
        return scene.db()
                .scalar("bank1_pay", "SELECT COUNT(*) FROM account_pay WHERE account_no = ?", Long.class, ZHANG_SAN);
    }

    /** Publisher outbox: payments go on; the relay delivers once the broker is back. */
    private static void paymentsWaitInTheTable(Scene scene) {
        Bank bank = scene.bank();
        scene.say().explain("brokerDown.outbox.explain");
        BigDecimal before = bank.balance(ZHANG_SAN);
        List<String> txNos = new ArrayList<>();
        for (String amount : List.of("10.00", "20.00", "30.00")) {
            Reply reply = bank.recharge(ZHANG_SAN, amount, null);
            scene.check(reply.status() == 201, "brokerDown.outbox.taken", amount);
            txNos.add(reply.field("txNo"));
        }
        scene.check(
                Waits.stays(Duration.ofSeconds(2), () -> txNos.stream().allMatch(tx -> bank.credits(tx) == 0)),
                "brokerDown.outbox.nothingYet");
        scene.say().explain("brokerDown.outbox.restart");
        scene.stack().restartBroker();
        boolean all = Waits.eventually(CREDIT_TIMEOUT, () -> txNos.stream().allMatch(tx -> bank.credits(tx) == 1));
        txNos.forEach(scene::showCredit);
        scene.checkCredited(all, before, "60.00", "brokerDown.outbox.eachOnce");
    }
}
