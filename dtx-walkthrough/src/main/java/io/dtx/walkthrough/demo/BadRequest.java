package io.dtx.walkthrough.demo;

import static io.dtx.walkthrough.demo.Scene.ZHANG_SAN;

import io.dtx.walkthrough.probe.Databases;
import io.dtx.walkthrough.probe.Reply;
import java.math.BigDecimal;

/** Step 7: a refusal that leaves no trace, no payment, no message, no credit. */
final class BadRequest implements Step {

    private static final String COUNT_PAYMENTS = "SELECT COUNT(*) FROM account_pay";

    @Override
    public String title() {
        return "badRequest.title";
    }

    @Override
    public void play(Scene scene) {
        Bank bank = scene.bank();
        Databases db = scene.db();
        long payments = db.scalar("bank1_pay", COUNT_PAYMENTS, Long.class);
        BigDecimal before = bank.balance(ZHANG_SAN);
        Reply reply = bank.recharge(ZHANG_SAN, "-5.00", null);
        scene.check(reply.status() == 400 && reply.body().contains("\"field\":\"amount\""), "badRequest.refused");
        boolean unchanged = db.scalar("bank1_pay", COUNT_PAYMENTS, Long.class) == payments
                && bank.balance(ZHANG_SAN).compareTo(before) == 0;
        scene.check(unchanged, "badRequest.unchanged");
    }
}
