package io.dtx.walkthrough.demo;

import static io.dtx.walkthrough.demo.Scene.OPENING;
import static io.dtx.walkthrough.demo.Scene.ZHANG_SAN;

/** Step 1: the seed account, where every later step's money goes. */
final class OpeningBalance implements Step {

    @Override
    public String title() {
        return "Zhang San's account starts at 10000.00";
    }

    @Override
    public void play(Scene scene) {
        Bank bank = scene.bank();
        scene.say().explain("The account service owns balances in its database bank1; the seed account is number 1.");
        bank.get(scene.workspace().accountUrl(), "/accounts/" + ZHANG_SAN);
        scene.check(
                bank.balance(ZHANG_SAN).compareTo(OPENING) == 0,
                "bank1.account_info: account 1 holds " + bank.balance(ZHANG_SAN));
    }
}
