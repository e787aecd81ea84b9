package io.dtx.walkthrough.bench;

import io.dtx.walkthrough.stack.LocalStack;
import java.io.PrintStream;
import java.time.Duration;
import java.util.function.BiConsumer;
import java.util.function.IntConsumer;

/**
 * Runs both paths, results discarded, until the JVMs are warm: until their JIT compilers
 * worked less than {@link #WARM_COMPILE_SHARE} of a round (or the settings' warm-up rounds
 * passed). On two cores a JVM that is still compiling measures its compiler, not dtx.
 */
final class WarmUp {

    /** Warm: the JIT compilers together were busy for less than this share of a warm-up round. */
    private static final double WARM_COMPILE_SHARE = 0.05;

    private final Workloads load;
    private final LocalStack stack;
    private final int maxRounds;
    private final PrintStream out;
    private final String outboxUrl;

    /**
     * {@code load} runs shorter than a measured run: a round only needs to keep the compilers busy.
     * {@code outboxUrl}: the pay instance with the outbox publisher, warmed as well; or null.
     */
    WarmUp(Workloads load, LocalStack stack, int maxRounds, String outboxUrl, PrintStream out) {
        this.load = load;
        this.outboxUrl = outboxUrl;
        this.stack = stack;
        this.maxRounds = maxRounds;
        this.out = out;
    }

    WarmUpReport run() {
        out.println("Warming up both paths until the JIT compilers settle (not measured)...");
        long start = System.nanoTime();
        Settled settled = untilSettled(
                stack,
                maxRounds,
                round -> {
                    load.saturation(Workloads.NAIVE, load.accounts("warmup" + round + "-naive", 10));
                    load.saturation(Workloads.DTX, load.accounts("warmup" + round + "-dtx", 10));
                    if (outboxUrl != null) {
                        load.saturation(outboxUrl, Workloads.DTX, load.accounts("warmup" + round + "-outbox", 10));
                    }
                },
                (round, compileShare) ->
                        out.printf("  round %d: JIT compilers busy %.0f%% of the round%n", round, 100 * compileShare));
        return new WarmUpReport(
                settled.rounds(),
                Math.round((System.nanoTime() - start) / 1e9),
                Stats.round(settled.lastCompileShare()));
    }

    /** The rounds a warm-up took, and the share of the last one the services' JIT compilers were busy. */
    record Settled(int rounds, double lastCompileShare) {}

    /**
     * Runs {@code round} (given its number) until the services' JIT compilers worked less than
     * {@link #WARM_COMPILE_SHARE} of it, or {@code maxRounds} ran; {@code afterRound} hears each
     * round's share. Shared by the run's first warm-up and each lever side's.
     */
    static Settled untilSettled(
            LocalStack stack, int maxRounds, IntConsumer round, BiConsumer<Integer, Double> afterRound) {
        int rounds = 0;
        double compileShare;
        do {
            rounds++;
            Duration compiledBefore = Profiler.serviceCompileTime(stack);
            long roundStart = System.nanoTime();
            round.accept(rounds);
            compileShare = (Profiler.serviceCompileTime(stack).toNanos() - compiledBefore.toNanos())
                    / (double) (System.nanoTime() - roundStart);
            afterRound.accept(rounds, compileShare);
        } while (compileShare > WARM_COMPILE_SHARE && rounds < maxRounds);
        return new Settled(rounds, compileShare);
    }
}
