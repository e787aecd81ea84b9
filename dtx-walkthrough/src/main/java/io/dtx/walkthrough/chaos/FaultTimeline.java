package io.dtx.walkthrough.chaos;

import io.dtx.walkthrough.probe.Waits;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/** Strikes the scheduled faults one after the other while the customers recharge. */
final class FaultTimeline {

    private final Faults faults;
    private final Random random;
    private final PrintStream out;
    private long lastFaultOver;

    /** {@code random} is the one that drew the schedule: one seed decides the whole campaign. */
    FaultTimeline(Faults faults, Random random, PrintStream out) {
        this.faults = faults;
        this.random = random;
        this.out = out;
    }

    /**
     * Strikes each fault of the schedule within {@code settings.seconds()} of {@code start}; returns
     * them as they happened, once the last one is over.
     */
    List<Faults.Injected> strike(List<Faults.Kind> schedule, Chaos.Settings settings, long start, ChaosLoad load) {
        List<Faults.Injected> injected = new ArrayList<>();
        lastFaultOver = start;
        double gap = (double) settings.seconds() / (schedule.size() + 1);
        for (int i = 0; i < schedule.size(); i++) {
            // Evenly spread with jitter, but never two at once: each fault ends with the stack whole.
            double due = gap * (i + 1) + (random.nextDouble() - 0.5) * gap * 0.5;
            long wait = (long) (due * 1000) - (System.nanoTime() - start) / 1_000_000;
            if (wait > 0) {
                Waits.sleep(wait);
            }
            Faults.Injected done = inject(schedule.get(i), start, load);
            injected.add(done);
            out.printf(
                    "  %6.1f s  %-30s %s (%.1f s; %d/%d recharges so far)%n",
                    done.atSeconds(),
                    done.kind(),
                    done.detail(),
                    done.tookSeconds(),
                    load.done(),
                    settings.recharges());
        }
        return injected;
    }

    /** When the last fault ended, with the stack whole again: where healing is timed from. */
    long lastFaultOver() {
        return lastFaultOver;
    }

    private Faults.Injected inject(Faults.Kind kind, long start, ChaosLoad load) {
        double at = Elapsed.seconds(start);
        long t = System.nanoTime();
        Faults.Outcome outcome;
        try {
            outcome = faults.inject(kind, load);
        } catch (Exception e) {
            throw new IllegalStateException("Fault " + kind + " could not be injected: " + e.getMessage(), e);
        }
        lastFaultOver = System.nanoTime();
        String detail = outcome.happened() ? outcome.detail() : outcome.detail() + " (did NOT happen)";
        return new Faults.Injected(
                kind, Elapsed.round(at), Elapsed.round(Elapsed.seconds(t)), detail, outcome.happened());
    }
}
