package io.dtx.walkthrough.bench;

import io.dtx.walkthrough.probe.Databases;
import io.dtx.walkthrough.probe.Waits;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * What the database executed per credited recharge, from its own status counters (whole server),
 * less what it executes with no payments in as long a time: the other pay instances' pollers, the
 * services' jobs, this benchmark's own reads. Says where "fewer statements" could come from.
 */
final class StatementCount {

    private static final List<String> KINDS = List.of(
            "Questions", "Com_insert", "Com_update", "Com_select", "Com_commit", "Com_set_option", "Com_insert_select");

    private final Databases db;
    private final Map<String, Long> idle;
    private final long idleNanos;

    private StatementCount(Databases db, Map<String, Long> idle, long idleNanos) {
        this.db = db;
        this.idle = idle;
        this.idleNanos = idleNanos;
    }

    /** Reads what the database executes with no payments, over {@code length}. */
    static StatementCount idleFor(Databases db, Duration length) {
        Map<String, Long> before = counters(db);
        Waits.sleep(length.toMillis());
        Map<String, Long> after = counters(db);
        Map<String, Long> idle = new HashMap<>();
        KINDS.forEach(kind -> idle.put(kind, after.getOrDefault(kind, 0L) - before.getOrDefault(kind, 0L)));
        return new StatementCount(db, idle, length.toNanos());
    }

    /** The counters now, for {@link #since}. */
    Mark mark() {
        return new Mark(counters(db), System.nanoTime());
    }

    /** Per credited recharge since {@code mark}, less the idle share of the time since. */
    Levers.Statements since(Mark mark, long credited) {
        Map<String, Long> after = counters(db);
        double idleShare = (System.nanoTime() - mark.nanos()) / (double) idleNanos;
        double[] per = new double[KINDS.size()];
        for (int i = 0; i < per.length; i++) {
            String kind = KINDS.get(i);
            double executed = after.getOrDefault(kind, 0L)
                    - mark.counters().getOrDefault(kind, 0L)
                    - idleShare * idle.getOrDefault(kind, 0L);
            per[i] = Math.max(0, executed) / Math.max(1, credited);
        }
        double inserts = per[1] + per[6];
        double other = per[0] - inserts - per[2] - per[3] - per[4] - per[5];
        return new Levers.Statements(
                Stats.round(per[0]),
                Stats.round(inserts),
                Stats.round(per[2]),
                Stats.round(per[3]),
                Stats.round(per[4]),
                Stats.round(per[5]),
                Stats.round(other));
    }

    record Mark(Map<String, Long> counters, long nanos) {}

    private static Map<String, Long> counters(Databases db) {
        Map<String, Long> counters = new HashMap<>();
        db.rows("bank1", "SHOW GLOBAL STATUS WHERE Variable_name IN ('" + String.join("', '", KINDS) + "')")
                .forEach(row -> counters.put(
                        String.valueOf(row.get("Variable_name")), Long.parseLong(String.valueOf(row.get("Value")))));
        return counters;
    }
}
