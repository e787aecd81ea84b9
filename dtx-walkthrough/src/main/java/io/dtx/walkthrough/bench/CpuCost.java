package io.dtx.walkthrough.bench;

import static io.dtx.walkthrough.bench.Stats.round;

import java.time.Duration;

/**
 * CPU milliseconds per credited recharge, by process of the stack and in total: what one design
 * costs where, on a box whose two cores every process shares.
 *
 * @param payService    the pay instance that took the payments (the publisher's own, beside the first)
 * @param relay         the binlog relay, when it ran (0 for every other design)
 * @param loadGenerator this JVM, offering the load
 * @param coresBusy     cores busy on average: near the machine's core count means the run was CPU-bound
 */
record CpuCost(
        double payService,
        double accountService,
        double brokerJvm,
        double mariadb,
        double relay,
        double loadGenerator,
        double total,
        double coresBusy) {

    /** Between two samples of one run that credited {@code credited} recharges in {@code wallSeconds}. */
    static CpuCost between(CpuMeter.Sample before, CpuMeter.Sample after, long credited, double wallSeconds) {
        double pay = perRecharge(before.payService(), after.payService(), credited);
        double account = perRecharge(before.accountService(), after.accountService(), credited);
        double broker = perRecharge(before.brokerJvm(), after.brokerJvm(), credited);
        double mariadb = perRecharge(before.mariadb(), after.mariadb(), credited);
        double relay = perRecharge(before.relay(), after.relay(), credited);
        double load = perRecharge(before.loadGenerator(), after.loadGenerator(), credited);
        double total = pay + account + broker + mariadb + relay + load;
        return new CpuCost(
                round(pay),
                round(account),
                round(broker),
                round(mariadb),
                round(relay),
                round(load),
                round(total),
                round(total * credited / 1000 / wallSeconds));
    }

    private static double perRecharge(Duration before, Duration after, long credited) {
        return (after.toNanos() - before.toNanos()) / 1e6 / Math.max(1, credited);
    }

    /** One line of the console log, e.g. {@code dtx   CPU ms per credited recharge: pay_service 1.40 ...}. */
    String line(String design) {
        return String.format(
                "  %-5s CPU ms per credited recharge: pay_service %.2f account_service %.2f"
                        + " broker_jvm %.2f mariadb %.2f relay %.2f load_generator %.2f   total %.2f"
                        + " (%.2f of %d cores busy)",
                design,
                payService,
                accountService,
                brokerJvm,
                mariadb,
                relay,
                loadGenerator,
                total,
                coresBusy,
                Runtime.getRuntime().availableProcessors());
    }
}
