package io.dtx.walkthrough.bench;

import io.dtx.walkthrough.report.JsonReports;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.imageio.ImageIO;

/**
 * The benchmark's outputs: {@code latest.json}, {@code latest.md}, and the charts {@code latest.png}
 * (the designs side by side), {@code curve.png} (the concurrency curve) and {@code growth.png}.
 */
final class ReportFiles {

    private ReportFiles() {}

    static void write(BenchReport report, Path outDir) {
        JsonReports.write(report, outDir.resolve("latest.json"));
        try {
            Files.writeString(outDir.resolve("latest.md"), markdown(report));
            ImageIO.write(
                    Chart.draw(report), "png", outDir.resolve("latest.png").toFile());
            if (report.concurrencyCurve() != null) {
                ImageIO.write(
                        CurveChart.draw(report.concurrencyCurve()),
                        "png",
                        outDir.resolve("curve.png").toFile());
            }
            ImageIO.write(
                    GrowthChart.draw(report),
                    "png",
                    outDir.resolve("growth.png").toFile());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static String markdown(BenchReport report) {
        StringBuilder md = new StringBuilder("| scenario | ceiling (rech/s) | naive (rech/s) | dtx (rech/s)"
                        + " | dtx / ceiling | dtx / naive | time-to-credit p50 / p95 / p99 (ms) at load |\n")
                .append("|---|---:|---:|---:|---:|---:|---|\n");
        List<String> names = List.of("many_accounts", "hot_account");
        List<ScenarioResult> results = List.of(report.manyAccounts(), report.hotAccount());
        for (int i = 0; i < names.size(); i++) {
            ScenarioResult.Throughput t = results.get(i).throughput();
            ScenarioResult.Latency l = results.get(i).latency();
            md.append(String.format(
                    "| %s | %s | %s | %s | %.0f%% | %.0f%% | %s / %s / %s at %s/s |%n",
                    names.get(i),
                    t.ceilingTps(),
                    t.naiveTps(),
                    t.dtxTps(),
                    100 * t.dtxVsCeiling(),
                    100 * t.dtxVsNaive(),
                    l.dtxCreditMsP50(),
                    l.dtxCreditMsP95(),
                    l.dtxCreditMsP99(),
                    l.latencyOfferedTps()));
        }
        if (report.manyAccounts().outbox() != null) {
            appendOutbox(md, names, results);
        }
        GrowthMarkdown.append(md, report);
        if (report.levers() != null) {
            appendLevers(md, report.levers());
        }
        md.append("\nDatabase: ")
                .append(JsonReports.fields(report.database()))
                .append("\nSettings: ")
                .append(JsonReports.fields(report.settings()))
                .append("\nMachine: ")
                .append(JsonReports.fields(report.machine()))
                .append('\n');
        return md.toString();
    }

    /** Each lever's trials side by side: rate, CPU, what the database executed, the pools it ran with. */
    private static void appendLevers(StringBuilder md, Levers levers) {
        md.append("\n| lever trial (transactional path) | rech/s | CPU ms per credited recharge | of it broker"
                        + " / account / MariaDB | statements per credited recharge (commit, set) | credited in batches"
                        + " (per batch) | pools: pay / account connections, consumer threads |\n")
                .append("|---|---:|---:|---|---|---|---|\n");
        leverRow(md, "many accounts; broker as the sandbox starts it (C1 only, SerialGC, 384 MB)", levers.before());
        Map<String, Levers.Side> sides = new LinkedHashMap<>();
        sides.put("the defaults (broker C2 from here on)", levers.defaults());
        sides.put("one transaction per message (ACCOUNT_CONSUME_BATCH=1)", levers.oneByOne());
        sides.put("pools of 4", levers.smallPools());
        sides.put("the client's prefetch (ACCOUNT_CONSUME_PREFETCH=1000)", levers.clientPrefetch());
        sides.forEach((name, side) -> leverRow(md, "many accounts; " + name, side.many()));
        leverRow(md, "many accounts; the defaults again, last", levers.again());
        sides.forEach((name, side) -> leverRow(md, "hot account; " + name, side.hot()));
        md.append("\n| lever side | hot account time-to-credit p50 / p95 / p99 (ms) at the same offered load |\n")
                .append("|---|---|\n");
        sides.forEach((name, side) -> {
            ScenarioResult.Latency l = side.hotLatency();
            md.append(String.format(
                    "| %s | %s / %s / %s at %s/s |%n",
                    name, l.dtxCreditMsP50(), l.dtxCreditMsP95(), l.dtxCreditMsP99(), l.latencyOfferedTps()));
        });
    }

    private static void leverRow(StringBuilder md, String trial, Levers.Trial t) {
        Levers.Statements s = t.statements();
        PoolMeter.Pools p = t.pools();
        md.append(String.format(
                "| %s | %s | %s | %s / %s / %s | %s (%s, %s) | %.0f%% (%s) | %d / %d, %d |%n",
                trial,
                t.tps(),
                t.cpu().total(),
                t.cpu().brokerJvm(),
                t.cpu().accountService(),
                t.cpu().mariadb(),
                s.total(),
                s.commit(),
                s.setOption(),
                100 * t.batches().creditedTogether(),
                t.batches().meanBatch(),
                p.payConnections(),
                p.accountConnections(),
                p.consumerThreads()));
    }

    /** The other publishers' table, when they were measured beside dtx. */
    private static void appendOutbox(StringBuilder md, List<String> names, List<ScenarioResult> results) {
        md.append("\n| scenario | publisher | rech/s | / dtx | time-to-credit p50 / p99 (ms) at the same load"
                        + " | lag p50 / p99 / max (ms) under saturation (outbox: oldest unsent row;"
                        + " binlog: commit to the broker's store) | CPU ms per credited recharge |\n")
                .append("|---|---|---:|---:|---|---|---:|\n");
        for (int i = 0; i < names.size(); i++) {
            ScenarioResult result = results.get(i);
            Map<String, ScenarioResult.PublisherRun> runs = new LinkedHashMap<>();
            runs.put("outbox", result.outbox());
            runs.put("queue first", result.queueFirst());
            runs.put("binlog", result.binlog());
            for (Map.Entry<String, ScenarioResult.PublisherRun> entry : runs.entrySet()) {
                ScenarioResult.PublisherRun run = entry.getValue();
                if (run == null) {
                    continue;
                }
                md.append(String.format(
                        "| %s | %s | %s | %.0f%% | %s / %s | %s / %s / %s | %s |%n",
                        names.get(i),
                        entry.getKey(),
                        run.tps(),
                        100 * run.vsDtx(),
                        run.creditMsP50(),
                        run.creditMsP99(),
                        run.lagMsP50(),
                        run.lagMsP99(),
                        run.lagMsMax(),
                        run.cpuMsPerRecharge() == null
                                ? ""
                                : run.cpuMsPerRecharge().total()));
            }
        }
    }
}
