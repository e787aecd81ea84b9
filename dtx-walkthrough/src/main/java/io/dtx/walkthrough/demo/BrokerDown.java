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
        return "The broker is down while customers pay";
    }

    @Override
    public void play(Scene scene) {
        String publisher = scene.workspace().publisher();
        scene.say().explain("kill -9 " + scene.stack().broker().pid() + "  (the name server and the broker).");
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
        scene.say().explain("Writing the queue first, the request must be on the broker before anything else: without");
        scene.say()
                .explain(
                        "it, POST /pay/recharge-requests answers 503, and the request is decided as never to be paid.");
        long rowsBefore = payments(scene);
        Reply refused = bank.post(
                scene.workspace().payUrl(),
                "/pay/recharge-requests",
                "{\"accountNo\":\"" + ZHANG_SAN + "\",\"amount\":\"40.00\"}",
                null);
        scene.check(refused.status() == 503, "request refused with 503 while the broker is down");
        Reply status = bank.get(scene.workspace().payUrl(), "/pay/recharge-requests/" + refused.field("requestId"));
        scene.check(status.body().contains("REJECTED"), "its status reads REJECTED: it will never be paid");
        scene.check(payments(scene) == rowsBefore, "and no payment row was written");
        scene.say().explain("Restarting the broker on its store.");
        scene.stack().restartBroker();
    }

    /** Publisher transactional: no half message, no payment; and nothing written. */
    private static void paymentsAreRefused(Scene scene) {
        Bank bank = scene.bank();
        scene.say().explain("With the half message (publisher transactional) the message must be stored before the");
        scene.say().explain("payment is written: without a broker, the payment is refused and nothing is charged.");
        BigDecimal before = bank.balance(ZHANG_SAN);
        long rowsBefore = payments(scene);
        Reply refused = bank.recharge(ZHANG_SAN, "40.00", null);
        scene.check(refused.status() == 503, "payment refused with 503 while the broker is down");
        scene.check(payments(scene) == rowsBefore, "and no payment row was written for it");
        scene.say()
                .explain("Restarting the broker on its store; payments are taken again. (./dtx demo --publisher"
                        + " outbox tells the other story.)");
        scene.stack().restartBroker();
        String key = "broker-back-" + System.nanoTime();
        boolean taken = Waits.eventually(
                Duration.ofSeconds(60),
                () -> bank.recharge(ZHANG_SAN, "40.00", key).status() == 201);
        boolean credited = taken
                && Waits.eventually(
                        CREDIT_TIMEOUT, () -> bank.balance(ZHANG_SAN).compareTo(before) > 0);
        scene.checkCredited(
                credited,
                before,
                "40.00",
                "with the broker back, taken (one key, however many tries)" + " and credited once");
    }

    private static long payments(Scene scene) {
        return scene.db()
                .scalar("bank1_pay", "SELECT COUNT(*) FROM account_pay WHERE account_no = ?", Long.class, ZHANG_SAN);
    }

    /** Publisher outbox: payments go on; the relay delivers once the broker is back. */
    private static void paymentsWaitInTheTable(Scene scene) {
        Bank bank = scene.bank();
        scene.say().explain("With the local message table (publisher outbox) the payment and its message row commit");
        scene.say().explain("together in bank1_pay.mq_notify: payments go on, and the messages wait there.");
        BigDecimal before = bank.balance(ZHANG_SAN);
        List<String> txNos = new ArrayList<>();
        for (String amount : List.of("10.00", "20.00", "30.00")) {
            Reply reply = bank.recharge(ZHANG_SAN, amount, null);
            scene.check(reply.status() == 201, "payment of " + amount + " taken while the broker is down");
            txNos.add(reply.field("txNo"));
        }
        scene.check(
                Waits.stays(Duration.ofSeconds(2), () -> txNos.stream().allMatch(tx -> bank.credits(tx) == 0)),
                "nothing credited yet: the messages are rows with status 'init' in mq_notify");
        scene.say().explain("Restarting the broker on its store; the relay sends what the table holds.");
        scene.stack().restartBroker();
        boolean all = Waits.eventually(CREDIT_TIMEOUT, () -> txNos.stream().allMatch(tx -> bank.credits(tx) == 1));
        txNos.forEach(scene::showCredit);
        scene.checkCredited(all, before, "60.00", "each credited once");
    }
}
