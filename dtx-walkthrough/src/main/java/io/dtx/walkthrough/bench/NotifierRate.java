package io.dtx.walkthrough.bench;

import io.dtx.walkthrough.probe.Waits;
import io.dtx.walkthrough.stack.LocalStack;
import io.dtx.walkthrough.stack.NotifierSetup;
import io.dtx.walkthrough.stack.Workspace;
import java.io.PrintStream;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * The best-effort notifier's delivery rate to a healthy receiver: the account service's callback
 * endpoint, which checks both signatures and answers from its dedup row. The notifier is started
 * once (so its consumer group has an offset), stopped, and started again after the payments were
 * taken: it then works off their results as fast as it can, and the rate is its delivered count
 * over the time from the first notification it opened to the last it delivered, both from its own
 * table. The payments were credited by their messages meanwhile, so the receiver answers every
 * call from its dedup row: the rate is the notifier's, not the crediting's.
 *
 * @param notifications     payments whose results it delivered, each once
 * @param deliveredPerSecond deliveries per second, first opened to last delivered
 * @param vsDtx             against the transactional path's saturation rate in the same run
 */
record NotifierRate(long notifications, double deliveredPerSecond, double vsDtx) {

    private static final Duration DELIVERY_TIMEOUT = Duration.ofMinutes(10);

    /**
     * Measured first, before the warm-up: a consumer group seen for the first time may start from
     * the topic's beginning, which must hold only this measurement's messages.
     */
    static NotifierRate measure(Workloads load, LocalStack stack, Workspace workspace, int payments, PrintStream out) {
        out.println("== notifier: " + payments + " payment results delivered to the account service's callback");
        stack.notifier()
                .start(new NotifierSetup(
                        workspace.accountUrl() + "/accounts/callbacks/recharges", "alipay", 1, Duration.ofSeconds(10)));
        try {
            // Its JIT warms up on a tenth as many first; they also give its group an offset.
            List<String> warmUp = load.accounts("notifywarm", 10);
            awaitDelivered(load, warmUp, load.pay(Workloads.DTX, warmUp, Math.max(1, payments / 10)));
            stack.notifier().stop();
            List<String> accounts = load.accounts("notified", 100);
            long paid = load.pay(Workloads.DTX, accounts, payments);
            load.awaitCredited(accounts, paid);
            stack.notifier().restart();
            awaitDelivered(load, accounts, paid);
            Map<String, Object> span =
                    load.db().rows("dtx_notify", """
                    SELECT TIMESTAMPDIFF(MICROSECOND, MIN(create_time), MAX(delivered_at)) AS micros,
                           COUNT(*) AS delivered
                    FROM notification WHERE status = 'delivered' AND payload LIKE ?""", like(accounts)).get(0);
            double seconds = Math.max(1e-3, ((Number) span.get("micros")).doubleValue() / 1e6);
            double rate = ((Number) span.get("delivered")).doubleValue() / seconds;
            out.printf("  %d delivered at %.1f/s%n", paid, rate);
            return new NotifierRate(paid, Stats.round(rate), 0);
        } finally {
            stack.notifier().stop();
        }
    }

    /** With its rate set against the transactional path's, measured later in the same run. */
    NotifierRate against(double dtxTps) {
        return new NotifierRate(notifications, deliveredPerSecond, Stats.round(deliveredPerSecond / dtxTps));
    }

    private static void awaitDelivered(Workloads load, List<String> accounts, long expected) {
        boolean delivered = Waits.eventually(DELIVERY_TIMEOUT, () -> delivered(load, accounts) >= expected);
        if (!delivered) {
            throw new IllegalStateException("the notifier delivered " + delivered(load, accounts) + " of " + expected
                    + " within " + DELIVERY_TIMEOUT.toMinutes() + " minutes");
        }
    }

    private static long delivered(Workloads load, List<String> accounts) {
        return load.db()
                .scalar(
                        "dtx_notify",
                        "SELECT COUNT(*) FROM notification WHERE status = 'delivered' AND payload LIKE ?",
                        Long.class,
                        like(accounts));
    }

    private static String like(List<String> accounts) {
        return "%\"" + Workloads.prefixOf(accounts);
    }
}
