package io.dtx.walkthrough.probe;

import java.time.Duration;
import java.util.function.BooleanSupplier;

/** Waiting for what a distributed system does in its own time, with a deadline instead of hope. */
public final class Waits {

    private Waits() {}

    /** Waits for something expected; false if it never came. */
    public static boolean eventually(Duration timeout, BooleanSupplier condition) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            if (condition.getAsBoolean()) {
                return true;
            }
            sleep(50);
        }
        return condition.getAsBoolean();
    }

    /** True if the condition holds for the whole duration (nothing more happens). */
    public static boolean stays(Duration duration, BooleanSupplier condition) {
        long deadline = System.nanoTime() + duration.toNanos();
        while (System.nanoTime() < deadline) {
            if (!condition.getAsBoolean()) {
                return false;
            }
            sleep(100);
        }
        return true;
    }

    public static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
