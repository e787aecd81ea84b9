package io.dtx.walkthrough.demo;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The bank recharge story in ten steps, each one checked against the databases, in the order asked for. */
final class Story {

    /** Step n is {@code STEPS.get(n - 1)}. */
    static final List<Step> STEPS = List.of(
            new OpeningBalance(),
            new HappyPath(),
            new DuplicateDelivery(),
            new LostCommit(),
            new AccountServiceDown(),
            new DeliveryLapse(),
            new BadRequest(),
            new BrokerDown(),
            new BestEffortNotification(),
            new Audit());

    private final Scene scene;

    Story(Scene scene) {
        this.scene = scene;
    }

    /** Runs the steps; true only if every check of every step held. */
    boolean run(List<Integer> steps) {
        Map<Integer, Long> times = new LinkedHashMap<>();
        long started = System.nanoTime();
        for (int step : steps) {
            long t0 = System.nanoTime();
            try {
                play(step);
            } catch (RuntimeException e) {
                scene.check(false, "story.stepFailed", e.getMessage());
            }
            times.put(step, (System.nanoTime() - t0) / 1_000_000);
        }
        scene.say().summary(times, scene.allHeld(), (System.nanoTime() - started) / 1_000_000);
        return scene.allHeld();
    }

    private void play(int number) {
        if (number < 1 || number > STEPS.size()) {
            throw new IllegalArgumentException(scene.say().words().text("story.noSuchStep", number, STEPS.size()));
        }
        Step step = STEPS.get(number - 1);
        scene.say().heading(number, step.title());
        step.play(scene);
    }
}
