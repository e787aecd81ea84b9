package io.dtx.walkthrough.bench;

import io.dtx.walkthrough.stack.LocalStack;
import java.io.PrintStream;
import java.util.List;
import java.util.Map;

/**
 * The account service killed while payments pile up on the broker, then started again: how fast it
 * works the backlog off, against the rate it credits at in a steady run. Both rates come from the
 * database's own timestamps (the first and the last credit of the backlog), so the JVM's start-up
 * is not counted against it.
 *
 * @param payments          the payments taken while it was down, all credited afterwards
 * @param drainedPerSecond  credits per second from the backlog's first credit to its last
 * @param steadyPerSecond   the transactional path's saturation rate in the same run, end to end (the
 *                          pay side's rate bounds it: the account service alone can credit faster)
 * @param drainVsSteady     the drain rate over that; above 1 means the backlog is credited faster than
 *                          the whole path takes payments, so a backlog shrinks once payments resume
 */
record BacklogDrain(long payments, double drainedPerSecond, double steadyPerSecond, double drainVsSteady) {

    static BacklogDrain measure(Workloads load, LocalStack stack, int payments, double steady, PrintStream out) {
        out.println("== backlog: the account service killed while " + payments + " payments are taken");
        List<String> accounts = load.accounts("drain", 100);
        stack.account().kill();
        long accepted;
        try {
            accepted = load.pay(Workloads.DTX, accounts, payments);
        } finally {
            stack.startAccount();
        }
        load.awaitCredited(accounts, accepted);
        Map<String, Object> span =
                load.db().rows("bank1", """
                SELECT TIMESTAMPDIFF(MICROSECOND, MIN(create_time), MAX(create_time)) AS micros, COUNT(*) AS credited
                FROM de_duplication WHERE account_no LIKE ?""", Workloads.prefixOf(accounts)).get(0);
        if (span.get("micros") == null) {
            throw new IllegalStateException("no payment of the backlog was credited");
        }
        double seconds = Math.max(1e-3, ((Number) span.get("micros")).doubleValue() / 1e6);
        double drained = ((Number) span.get("credited")).doubleValue() / seconds;
        BacklogDrain drain = new BacklogDrain(
                accepted, Stats.round(drained), Stats.round(steady), Stats.round(steady <= 0 ? 0 : drained / steady));
        out.printf(
                "  %d payments taken while the account service was down, credited at %.1f/s once it was back"
                        + " (steady: %.1f/s, %.0f%%)%n",
                accepted, drain.drainedPerSecond(), drain.steadyPerSecond(), 100 * drain.drainVsSteady());
        return drain;
    }
}
