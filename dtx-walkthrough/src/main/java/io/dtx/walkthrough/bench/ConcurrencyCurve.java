package io.dtx.walkthrough.bench;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;

/**
 * How throughput and time-to-credit grow with the number of clients on the transactional path
 * (many accounts, closed loop, each client waiting for its answer): where adding clients stops
 * adding credits and only adds waiting. Each point runs on fresh accounts; its time-to-credit is
 * every payment's commit-to-credit time read from the two databases, not from any service.
 *
 * @param kneeClients the fewest clients that reach 90 % of the best throughput measured: past it,
 *                    more clients buy at most a tenth more credits, at the price of the p99
 */
record ConcurrencyCurve(List<Point> points, int kneeClients) {

    /** One size of the load. */
    record Point(int clients, double creditedPerSecond, double creditMsP50, double creditMsP99) {}

    static ConcurrencyCurve measure(Workloads load, List<Integer> clients, int accounts, PrintStream out) {
        List<Point> points = new ArrayList<>();
        for (int c : clients) {
            Workloads atC = load.withConcurrency(c);
            List<String> mine = atC.accounts("curve" + c, accounts);
            double perSecond = atC.saturation(Workloads.DTX, mine);
            List<Long> micros = atC.creditTimes(mine);
            Point point =
                    new Point(c, Stats.round(perSecond), Stats.percentile(micros, 50), Stats.percentile(micros, 99));
            out.printf(
                    "  %3d clients  %7.1f recharges/s credited, time-to-credit p50 %.1f ms, p99 %.1f ms%n",
                    c, point.creditedPerSecond(), point.creditMsP50(), point.creditMsP99());
            points.add(point);
        }
        return new ConcurrencyCurve(points, knee(points));
    }

    static int knee(List<Point> points) {
        double best =
                points.stream().mapToDouble(Point::creditedPerSecond).max().orElse(0);
        return points.stream()
                .filter(p -> p.creditedPerSecond() >= 0.9 * best)
                .mapToInt(Point::clients)
                .findFirst()
                .orElse(0);
    }
}
