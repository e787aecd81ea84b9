package io.dtx.walkthrough.bench;

/**
 * How the warm-up went, for {@code warm_up} in the report.
 *
 * @param lastRoundJitShare the share of the last round the JIT compilers were busy
 */
record WarmUpReport(int rounds, long seconds, double lastRoundJitShare) {}
