package io.dtx.walkthrough.demo;

import static io.dtx.walkthrough.demo.Scene.OPENING;
import static io.dtx.walkthrough.demo.Scene.ZHANG_SAN;

/** Step 1: the seed account, where every later step's money goes. */
final class OpeningBalance implements Step {

    @Override
    public String title() {
        return "opening.title";
    }

    @Override
    public void play(Scene scene) {
        Bank bank = scene.bank();
        scene.say().explain("opening.explain");
        bank.get(scene.workspace().accountUrl(), "/accounts/" + ZHANG_SAN);
        scene.check(bank.balance(ZHANG_SAN).compareTo(OPENING) == 0, "opening.holds", bank.balance(ZHANG_SAN));
    }
}
