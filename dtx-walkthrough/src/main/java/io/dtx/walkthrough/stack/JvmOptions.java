package io.dtx.walkthrough.stack;

import java.util.List;

/** The two ways a JVM of the stack is started. */
final class JvmOptions {

    /** Quick to start, small: a laptop demo on a 2-core box. */
    static final List<String> QUICK =
            List.of("-Xmx384m", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1", "-XX:-UsePerfData");

    /**
     * The build's benchmark run, which checks the machinery and not the figures: quick to start and
     * C1 only like {@link #QUICK}, but with the performance counters on, which the warm-up reads.
     */
    static final List<String> SMOKE = List.of("-Xmx384m", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1");

    /**
     * Full JIT and room to work: what a benchmark must measure. Performance counters stay on: the
     * benchmark reads the JIT compilers' time from them (jcmd PerfCounter.print) to know when the
     * JVM is warm.
     */
    static final List<String> FULL = List.of("-Xms512m", "-Xmx512m", "-XX:+UseParallelGC");

    private JvmOptions() {}
}
