package io.dtx.walkthrough.chaos;

/** Seconds as the campaign prints and reports them. */
final class Elapsed {

    private Elapsed() {}

    static double seconds(long sinceNanos) {
        return (System.nanoTime() - sinceNanos) / 1e9;
    }

    /** One decimal: the report is read by people, and faults take seconds. */
    static double round(double value) {
        return Math.round(value * 10) / 10.0;
    }
}
