package io.dtx.walkthrough.bench;

import io.dtx.walkthrough.probe.Databases;
import io.dtx.walkthrough.probe.Waits;
import io.dtx.walkthrough.stack.LocalStack;
import java.io.PrintStream;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A lever pulled in the same run, measured before and after on the transactional path: the broker
 * restarted with the services' JVM options (C2, ParallelGC, 512 MB heap), where the sandbox starts it
 * with C1 only, SerialGC and 384 MB, to start fast. Each side gets a warm-up run first. The baseline
 * also counts what the database executed per credited recharge (its own status counters, whole
 * server, less what it executed in an idle interval of the same length just before: the other
 * pay instances' pollers, this benchmark's own reads), which says where "fewer statements" could
 * come from.
 *
 * @param before        the baseline: the broker as the sandbox starts it
 * @param brokerFullJit the same after the broker's restart with the services' JVM options
 * @param statements    statements per credited recharge in the baseline, by kind
 */
record Levers(Trial before, Trial brokerFullJit, Statements statements) {

    /** One saturation run of the transactional path: its rate and CPU per credited recharge. */
    record Trial(double tps, CpuCost cpu) {}

    /**
     * What the database executed per credited recharge (MariaDB's {@code Com_*} counters, whole
     * server): {@code setOption} is mostly the driver switching autocommit off and on around each
     * transaction; {@code insert} counts {@code INSERT ... SELECT} too (the dedup claim reads the
     * retention's horizon in its insert); {@code other} is every statement of no kind listed here.
     */
    record Statements(
            double total, double insert, double update, double select, double commit, double setOption, double other) {}

    private static final List<String> KINDS = List.of(
            "Questions", "Com_insert", "Com_update", "Com_select", "Com_commit", "Com_set_option", "Com_insert_select");

    static Levers measure(Workloads load, LocalStack stack, int accounts, Duration saturation, PrintStream out) {
        out.println("== levers: the transactional path before and after the broker runs with full JIT");
        CpuMeter cpu = new CpuMeter(stack);
        load.saturation(Workloads.DTX, load.accounts("lever-warm-before", accounts)); // after the drain's restart
        Map<String, Long> idle = idle(load, saturation);
        List<String> baseline = load.accounts("lever-before", accounts);
        Map<String, Long> countedBefore = counters(load.db());
        long started = System.nanoTime();
        Trial before = trial(load, cpu, baseline);
        double share = (System.nanoTime() - started) / (double) saturation.toNanos();
        Statements statements = perRecharge(countedBefore, counters(load.db()), idle, share, load.credited(baseline));
        out.println(before.cpu().line("before"));
        out.printf(
                "  statements per credited recharge: %.1f (insert %.1f, update %.1f, select %.1f, commit %.1f,"
                        + " set %.1f, other %.1f)%n",
                statements.total(),
                statements.insert(),
                statements.update(),
                statements.select(),
                statements.commit(),
                statements.setOption(),
                statements.other());
        stack.restartBrokerWithFullJit();
        awaitPaymentsFlow(load);
        load.saturation(Workloads.DTX, load.accounts("lever-warm-after", accounts)); // the broker's C2 warms up
        Trial after = trial(load, cpu, load.accounts("lever-after", accounts));
        out.printf("  before %.1f/s, broker with full JIT %.1f/s%n", before.tps(), after.tps());
        out.println(after.cpu().line("after"));
        return new Levers(before, after, statements);
    }

    private static Trial trial(Workloads load, CpuMeter cpu, List<String> accounts) {
        CpuMeter.Sample before = cpu.sample();
        long start = System.nanoTime();
        double tps = load.saturation(Workloads.DTX, accounts);
        double seconds = (System.nanoTime() - start) / 1e9;
        return new Trial(Stats.round(tps), CpuCost.between(before, cpu.sample(), load.credited(accounts), seconds));
    }

    /** Once the broker is back, a payment goes through end to end (the clients reconnect on their own). */
    private static void awaitPaymentsFlow(Workloads load) {
        List<String> probe = load.accounts("lever-probe", 1);
        boolean flowing = Waits.eventually(Duration.ofSeconds(120), () -> load.pay(Workloads.DTX, probe, 1) > 0);
        if (!flowing) {
            throw new IllegalStateException("no payment was taken within 2 minutes of the broker's restart");
        }
        load.awaitCredited(probe, 1);
    }

    /** What the database executes with no payments, over as long as a saturation run. */
    private static Map<String, Long> idle(Workloads load, Duration length) {
        Map<String, Long> before = counters(load.db());
        Waits.sleep(length.toMillis());
        Map<String, Long> after = counters(load.db());
        Map<String, Long> idle = new HashMap<>();
        KINDS.forEach(kind -> idle.put(kind, after.getOrDefault(kind, 0L) - before.getOrDefault(kind, 0L)));
        return idle;
    }

    private static Map<String, Long> counters(Databases db) {
        Map<String, Long> counters = new HashMap<>();
        db.rows("bank1", "SHOW GLOBAL STATUS WHERE Variable_name IN ('" + String.join("', '", KINDS) + "')")
                .forEach(row -> counters.put(
                        String.valueOf(row.get("Variable_name")), Long.parseLong(String.valueOf(row.get("Value")))));
        return counters;
    }

    /** Per credited recharge, less the idle interval's share ({@code idleShare} of it fell into the run). */
    private static Statements perRecharge(
            Map<String, Long> before,
            Map<String, Long> after,
            Map<String, Long> idle,
            double idleShare,
            long credited) {
        double[] per = new double[KINDS.size()];
        for (int i = 0; i < per.length; i++) {
            String kind = KINDS.get(i);
            double executed = after.getOrDefault(kind, 0L)
                    - before.getOrDefault(kind, 0L)
                    - idleShare * idle.getOrDefault(kind, 0L);
            per[i] = Math.max(0, executed) / Math.max(1, credited);
        }
        double inserts = per[1] + per[6];
        double other = per[0] - inserts - per[2] - per[3] - per[4] - per[5];
        return new Statements(
                Stats.round(per[0]),
                Stats.round(inserts),
                Stats.round(per[2]),
                Stats.round(per[3]),
                Stats.round(per[4]),
                Stats.round(per[5]),
                Stats.round(other));
    }
}
