package io.dtx.walkthrough.bench;

import static org.assertj.core.api.Assertions.assertThat;

import io.dtx.walkthrough.report.JsonReports;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** {@code latest.json} and {@code latest.md} keep the shape docs/benchmarks.md shows, field for field. */
class BenchReportTests {

    private static final Path PUBLISHED = Path.of("..", "docs", "bench", "latest.json");
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final CpuCost CPU = new CpuCost(1.4, 0.77, 1.01, 1.23, 0.0, 0.53, 4.93, 1.82);
    private static final RetentionAtWork RETENTION = new RetentionAtWork(
            List.of(new RetentionAtWork.Cleanup("bank1.de_duplication", "DedupCleanup", 100_000, 12.5, 8000.0)));
    private static final Levers.Statements STATEMENTS = new Levers.Statements(12.5, 2.0, 1.0, 1.5, 2.0, 4.0, 2.0);
    private static final BatchMeter.Batches BATCHED = new BatchMeter.Batches(0.93, 6.4);
    private static final BatchMeter.Batches SINGLE = new BatchMeter.Batches(0, 0);
    private static final PoolMeter.Pools POOLS = new PoolMeter.Pools(20, 20, 20);
    private static final PoolMeter.Pools SMALL_POOLS = new PoolMeter.Pools(4, 4, 4);
    private static final ScenarioResult.Latency HOT_LATENCY = new ScenarioResult.Latency(250.0, 5000, 12.0, 30.0, 45.0);
    private static final Levers LEVERS = new Levers(
            new Levers.Trial(371.95, CPU, STATEMENTS, BATCHED, POOLS),
            side(390.5, BATCHED, POOLS),
            side(350.0, SINGLE, POOLS),
            side(380.0, BATCHED, SMALL_POOLS),
            side(385.0, BATCHED, POOLS),
            new Levers.Trial(385.0, CPU, STATEMENTS, BATCHED, POOLS));

    @Test
    void theJsonHasExactlyTheFieldsOfThePublishedRun() throws IOException {
        Set<String> published = paths(JSON.readTree(Files.readString(PUBLISHED)), "");
        published.removeIf(path -> path.contains(".dtx_profile"));

        // As published: every publisher beside dtx in many_accounts, all but binlog in hot_account.
        ScenarioResult.PublisherRun run = new ScenarioResult.PublisherRun(300.5, 0.81, 12.0, 40.0, 3.0, 9.0, 55.0, CPU);
        BenchReport report = report(null, run);
        BenchReport asPublished = new BenchReport(
                report.settings(),
                report.machine(),
                report.database(),
                report.warmUp(),
                report.manyAccounts(),
                withoutBinlog(report.hotAccount()),
                report.concurrencyCurve(),
                report.backlogDrain(),
                report.tableGrowth(),
                report.ledgerHistory(),
                report.notifier(),
                report.levers(),
                report.retention(),
                report.generatedAt());

        assertThat(paths(JSON.readTree(JsonReports.json(asPublished)), "")).isEqualTo(published);
    }

    @Test
    void profilesAppearOnlyWhenRecorded() {
        ProfileSummary pay = new ProfileSummary(100L, Map.of("dtx code", 12.5), Map.of("A.b", 3.0), null);
        JsonNode json = JSON.readTree(JsonReports.json(report(Map.of("pay_service", pay))));

        assertThat(paths(json.get("many_accounts").get("dtx_profile"), ""))
                .containsExactlyInAnyOrder(
                        ".pay_service",
                        ".pay_service.samples",
                        ".pay_service.cpu_share_by_library",
                        ".pay_service.cpu_share_by_library.dtx code",
                        ".pay_service.hottest_methods",
                        ".pay_service.hottest_methods.A.b");
        assertThat(JsonReports.json(ProfileSummary.failed("no file")))
                .doesNotContain("samples")
                .contains("error");
    }

    @Test
    void theMarkdownTableHasOneRowPerScenarioAndTheSettingsBelow() {
        String md = ReportFiles.markdown(report(null));

        assertThat(md)
                .contains("| many_accounts | 1819.51 | 514.54 | 371.95 | 20% | 72% | 10.0 / 39.0 / 148.0 at 185.98/s |")
                .contains("Database: {version=11.4.5-MariaDB, innodb_flush_log_at_trx_commit=1, sync_binlog=0,")
                .contains("Settings: {concurrency=16, saturation_s=20, latency_run_s=20, accounts=100}")
                .contains("Machine: {cores=2, os=Linux, java=17}");
    }

    @Test
    void theGrowthPartsShowBothPagesTheSweepTheNotifierAndTheLever() {
        assertThat(ReportFiles.markdown(report(null)))
                .contains("| early in the run | 22000 | 10000 | 21.5 | 3.5 |")
                .contains("| after the history | 1560000 | 1000000 | 22.5 | 3.75 |")
                .contains("the page after it costs x1.05 the early one (median of 3 runs each)")
                .contains("Deep sweep over the history: 4.2 s, 143 windows compared, 0 differing")
                .contains("Notifier: 20000 payment results delivered to the account service's callback at 410.2/s"
                        + " (73% of dtx's saturation rate; 0 attempts failed)")
                .contains("| many accounts; the defaults (broker C2 from here on) | 390.5"
                        + " | 4.93 | 1.01 / 0.77 / 1.23 | 12.5 (2.0, 4.0) | 93% (6.4) | 20 / 20, 20 |")
                .contains("| hot account; one transaction per message (ACCOUNT_CONSUME_BATCH=1) | 390.0 | 4.93"
                        + " | 1.01 / 0.77 / 1.23 | 12.5 (2.0, 4.0) | 0% (0.0) | 20 / 20, 20 |")
                .contains("| many accounts; pools of 4 | 380.0 | 4.93 | 1.01 / 0.77 / 1.23 | 12.5 (2.0, 4.0)"
                        + " | 93% (6.4) | 4 / 4, 4 |")
                .contains("| the client's prefetch (ACCOUNT_CONSUME_PREFETCH=1000) | 12.0 / 30.0 / 45.0 at 250.0/s |");
    }

    @Test
    void theOtherPublishersAppearOnlyWhenMeasuredBesideDtx() {
        ScenarioResult.PublisherRun outbox =
                new ScenarioResult.PublisherRun(300.5, 0.81, 12.0, 40.0, 3.0, 9.0, 55.0, CPU);
        BenchReport report = report(null, outbox);

        assertThat(paths(
                        JSON.readTree(JsonReports.json(report))
                                .get("many_accounts")
                                .get("outbox"),
                        ""))
                .containsExactlyInAnyOrder(
                        ".tps",
                        ".vs_dtx",
                        ".credit_ms_p50",
                        ".credit_ms_p99",
                        ".lag_ms_p50",
                        ".lag_ms_p99",
                        ".lag_ms_max",
                        ".cpu_ms_per_recharge",
                        ".cpu_ms_per_recharge.pay_service",
                        ".cpu_ms_per_recharge.account_service",
                        ".cpu_ms_per_recharge.broker_jvm",
                        ".cpu_ms_per_recharge.mariadb",
                        ".cpu_ms_per_recharge.relay",
                        ".cpu_ms_per_recharge.load_generator",
                        ".cpu_ms_per_recharge.total",
                        ".cpu_ms_per_recharge.cores_busy");
        assertThat(ReportFiles.markdown(report))
                .contains("| many_accounts | outbox | 300.5 | 81% | 12.0 / 40.0 | 3.0 / 9.0 / 55.0 | 4.93 |")
                .contains("| many_accounts | queue first | 300.5 | 81% | 12.0 / 40.0 | 3.0 / 9.0 / 55.0 | 4.93 |")
                .contains("| many_accounts | binlog | 300.5 | 81% | 12.0 / 40.0 | 3.0 / 9.0 / 55.0 | 4.93 |");
        assertThat(ReportFiles.markdown(report(null))).doesNotContain("outbox");
    }

    private static BenchReport report(Map<String, ProfileSummary> profile) {
        return report(profile, null);
    }

    private static BenchReport report(Map<String, ProfileSummary> profile, ScenarioResult.PublisherRun outbox) {
        CpuCost cpu = CPU;
        ScenarioResult result = new ScenarioResult(
                new ScenarioResult.Throughput(1819.51, 514.54, 371.95, 0.2, 0.72),
                cpu,
                cpu,
                0.94,
                new ScenarioResult.Latency(185.98, 3720, 10.0, 39.0, 148.0),
                outbox,
                outbox,
                outbox,
                profile);
        return new BenchReport(
                new BenchReport.Parameters(16, 20, 20, 100),
                new BenchReport.Machine(2, "Linux", "17"),
                new DatabaseSettings("11.4.5-MariaDB", 1L, 0L, 0L, 134217728L),
                new WarmUpReport(9, 189, 0.04),
                result,
                result,
                new ConcurrencyCurve(
                        List.of(
                                new ConcurrencyCurve.Point(1, 40.5, 12.0, 30.0),
                                new ConcurrencyCurve.Point(4, 140.2, 20.0, 61.0)),
                        4),
                new BacklogDrain(200, 610.5, 560.0, 1.09),
                new TableGrowth(
                        2000,
                        List.of(new TableGrowth.Table("bank1.de_duplication", 2000, 163840, 2000, 1_000_000, 81.92))),
                new LedgerHistory(
                        1_000_000,
                        61.5,
                        new ReconciliationPage(22_000, 10_000, 3, 50, 21.5, 3.5),
                        new ReconciliationPage(1_560_000, 1_000_000, 3, 50, 22.5, 3.75),
                        1.05,
                        new LedgerHistory.SweepCost(4.2, 1_000_000, 143, 0, 0, 0, 0)),
                new NotifierRate(20_000, 410.2, 0, 0.73),
                LEVERS,
                RETENTION,
                "2026-11-23T09:06:03Z");
    }

    private static ScenarioResult withoutBinlog(ScenarioResult r) {
        return new ScenarioResult(
                r.throughput(),
                r.naiveCpuMsPerRecharge(),
                r.dtxCpuMsPerRecharge(),
                r.dtxJitCompileS(),
                r.latency(),
                r.outbox(),
                r.queueFirst(),
                null,
                r.dtxProfile());
    }

    /** Every field's path, e.g. {@code .many_accounts.dtx_tps}; a field's children follow it. */
    private static Set<String> paths(JsonNode node, String prefix) {
        Set<String> paths = new TreeSet<>();
        for (String name : List.copyOf(node.propertyNames())) {
            paths.add(prefix + "." + name);
            paths.addAll(paths(node.get(name), prefix + "." + name));
        }
        return paths;
    }

    private static Levers.Side side(double tps, BatchMeter.Batches batches, PoolMeter.Pools pools) {
        return new Levers.Side(
                new Levers.Trial(tps, CPU, STATEMENTS, batches, pools),
                new Levers.Trial(tps + 40, CPU, STATEMENTS, batches, pools),
                HOT_LATENCY);
    }
}
