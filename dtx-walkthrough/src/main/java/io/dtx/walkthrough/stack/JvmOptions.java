package io.dtx.walkthrough.stack;

import java.util.List;

/** The two ways a JVM of the stack is started. */
final class JvmOptions {

    /** Quick to start, small: a laptop demo on a 2-core box. */
    static final List<String> QUICK =
            List.of("-Xmx384m", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1", "-XX:-UsePerfData");

    /**
     * Full JIT and room to work: what a benchmark must measure. Performance counters stay on: the
     * benchmark reads the JIT compilers' time from them (jcmd PerfCounter.print) to know when the
     * JVM is warm.
     */
    static final List<String> FULL = List.of("-Xms512m", "-Xmx512m", "-XX:+UseParallelGC");

    private JvmOptions() {}
}
