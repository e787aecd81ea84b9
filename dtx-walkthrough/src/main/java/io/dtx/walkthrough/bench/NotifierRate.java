package io.dtx.walkthrough.bench;

import io.dtx.walkthrough.probe.Http;
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
 * endpoint, which checks both signatures and answers from its dedup row. The notifier warms up on a
 * tenth as many deliveries first; then its subscription is switched off while the payments are
 * taken (it still opens a notification for each, but sends none), and on again: it works the
 * backlog off as fast as it can. The rate is the delivered count over the time from switching on to
 * the last delivery, from its own table. The payments were credited by their messages meanwhile, so
 * the receiver answers every call from its dedup row: the rate is the notifier's, not the crediting's.
 *
 * <p>Measured first, before the warm-up: a consumer group seen for the first time may start at the
 * topic's beginning, which must then hold only this measurement's messages. The pay and account
 * services are still warming then; the notifier is not.
 *
 * @param notifications      payment results it delivered, each once
 * @param deliveredPerSecond deliveries per second, switched on to last delivered
 * @param failedAttempts     attempts that failed (each waits for its schedule's next slot, minutes)
 * @param vsDtx              against the transactional path's saturation rate in the same run
 */
record NotifierRate(long notifications, double deliveredPerSecond, long failedAttempts, double vsDtx) {

    private static final Duration DELIVERY_TIMEOUT = Duration.ofMinutes(10);
    private static final String SUBSCRIPTION = "/notifier/subscriptions/account-service/";

    static NotifierRate measure(Workloads load, LocalStack stack, Workspace workspace, int payments, PrintStream out) {
        out.println("== notifier: " + payments + " payment results delivered to the account service's callback");
        stack.notifier()
                .start(new NotifierSetup(
                        workspace.accountUrl() + "/accounts/callbacks/recharges", "alipay", 1, Duration.ofSeconds(10)));
        Http http = new Http(stack.serviceToken());
        try {
            List<String> warmUp = load.accounts("notifywarm", 10);
            awaitDelivered(load, warmUp, load.pay(Workloads.DTX, warmUp, Math.max(1, payments / 10)));
            switchTo(http, workspace, "disable");
            List<String> accounts = load.accounts("notified", 100);
            long paid = load.pay(Workloads.DTX, accounts, payments);
            if (!Waits.eventually(DELIVERY_TIMEOUT, () -> count(load, accounts, "") >= paid)) {
                throw new IllegalStateException("the notifier opened " + count(load, accounts, "") + " of " + paid);
            }
            Object switchedOn = load.db().scalar("dtx_notify", "SELECT UTC_TIMESTAMP(6)", Object.class);
            switchTo(http, workspace, "enable");
            awaitDelivered(load, accounts, paid);
            Map<String, Object> span = load.db()
                    .rows("dtx_notify", """
                    SELECT TIMESTAMPDIFF(MICROSECOND, ?, MAX(delivered_at)) AS micros, COUNT(*) AS delivered
                    FROM notification WHERE status = 'delivered' AND payload LIKE ?""", switchedOn, like(accounts))
                    .get(0);
            long delivered = ((Number) span.get("delivered")).longValue();
            double rate = delivered / Math.max(1e-3, ((Number) span.get("micros")).doubleValue() / 1e6);
            long failed = load.db().scalar("dtx_notify", """
                    SELECT COUNT(*) FROM delivery_attempt a JOIN notification n ON n.id = a.notification_id
                    WHERE n.payload LIKE ? AND a.outcome <> 'acknowledged'""", Long.class, like(accounts));
            out.printf("  %d delivered at %.1f/s (%d attempts failed)%n", delivered, rate, failed);
            return new NotifierRate(delivered, Stats.round(rate), failed, 0);
        } finally {
            stack.notifier().stop();
        }
    }

    /** With its rate set against the transactional path's, measured later in the same run. */
    NotifierRate against(double dtxTps) {
        double vsDtx = dtxTps > 0 ? Stats.round(deliveredPerSecond / dtxTps) : 0;
        return new NotifierRate(notifications, deliveredPerSecond, failedAttempts, vsDtx);
    }

    private static void switchTo(Http http, Workspace workspace, String onOrOff) {
        http.post(workspace.notifierUrl() + SUBSCRIPTION + onOrOff, "", null).requireOk("the notifier's " + onOrOff);
    }

    private static void awaitDelivered(Workloads load, List<String> accounts, long expected) {
        if (!Waits.eventually(DELIVERY_TIMEOUT, () -> count(load, accounts, "delivered") >= expected)) {
            throw new IllegalStateException("the notifier delivered " + count(load, accounts, "delivered") + " of "
                    + expected + " within " + DELIVERY_TIMEOUT.toMinutes() + " minutes");
        }
    }

    /** Notifications of these accounts' payments; with {@code status} "" every one, else those in it. */
    private static long count(Workloads load, List<String> accounts, String status) {
        return load.db()
                .scalar(
                        "dtx_notify",
                        "SELECT COUNT(*) FROM notification WHERE (? = '' OR status = ?) AND payload LIKE ?",
                        Long.class,
                        status,
                        status,
                        like(accounts));
    }

    private static String like(List<String> accounts) {
        return "%\"" + Workloads.prefixOf(accounts);
    }
}
