package io.dtx.walkthrough.chaos;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonUnwrapped;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * What the fault campaign did and what the databases showed afterwards; its fields sit at the top
 * level of the report, as docs/reliability.md lists them.
 *
 * @param loadS  how long the customers' recharges took, faults included
 * @param faults how many faults of each kind struck
 */
record FaultReport(
        int recharges,
        int concurrency,
        double loadS,
        Map<String, Integer> faults,
        List<Faults.Injected> faultLog,
        @JsonUnwrapped Clients clients,
        @JsonUnwrapped Verdict verdict,
        @JsonUnwrapped Convergence convergence,
        @JsonInclude(JsonInclude.Include.NON_NULL) NotifyVerdict notifier) {

    static FaultReport of(
            Chaos.Settings settings,
            double loadSeconds,
            List<Faults.Injected> injected,
            ChaosLoad load,
            Verdict verdict,
            Convergence convergence,
            NotifyVerdict notifier) {
        Map<String, Integer> counts = new TreeMap<>();
        injected.forEach(f -> counts.merge(f.kind().name(), 1, Integer::sum));
        return new FaultReport(
                settings.recharges(),
                settings.concurrency(),
                Elapsed.round(loadSeconds),
                counts,
                injected,
                Clients.of(load),
                verdict,
                convergence,
                notifier);
    }

    /** Customers who gave up or were refused, beyond which the run fails: 1% of the recharges. */
    static final double MAX_UNSETTLED_SHARE = 0.01;

    /**
     * Converged; nothing lost, doubled, phantom, mismatched, falsely acknowledged or falsely
     * refused; every fault really happened; few enough customers left unsettled; and with the
     * notifier, every payment delivered by its callback.
     */
    boolean holds() {
        return convergence.converged()
                && verdict.holds()
                && everyFaultHappened()
                && clientsWithinBound()
                && (notifier == null || notifier.holds());
    }

    boolean everyFaultHappened() {
        return faultLog.stream().allMatch(Faults.Injected::happened);
    }

    boolean clientsWithinBound() {
        return clients.clientGaveUp() + clients.clientRefused() <= Math.max(1, recharges * MAX_UNSETTLED_SHARE);
    }

    /**
     * What the customers saw: acknowledged payments, attempts and retries, and requests refused or
     * given up on.
     *
     * @param clientReplies replies by HTTP status, {@code no_reply} for none
     */
    record Clients(
            int acknowledged,
            long clientAttempts,
            long clientRetries,
            int clientGaveUp,
            int clientRefused,
            Map<String, Integer> clientReplies,
            List<String> refusedExamples) {

        static Clients of(ChaosLoad load) {
            List<String> refused = List.copyOf(load.refused);
            return new Clients(
                    load.paid.size(),
                    load.attempts.sum(),
                    load.retries.sum(),
                    load.gaveUp.size(),
                    refused.size(),
                    new TreeMap<>(load.statuses),
                    refused.subList(0, Math.min(10, refused.size())));
        }
    }

    /**
     * Whether every payment was credited in the end, and how long healing took.
     *
     * @param convergeS          from the end of the last fault (the stack whole again)
     * @param convergeAfterLoadS from the last recharge's answer
     */
    /** @param stuck empty when converged; otherwise what the still-uncredited payments look like */
    record Convergence(boolean converged, double convergeS, double convergeAfterLoadS, List<String> stuck) {}
}
