package io.dtx.walkthrough.bench;

import static org.assertj.core.api.Assertions.assertThat;

import io.dtx.walkthrough.FreePorts;
import io.dtx.walkthrough.stack.Workspace;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Proves that the benchmark runs end to end and writes its three outputs. Tiny numbers; it
 * asserts nothing about speed (that is what {@code ./dtx bench} is for).
 */
class BenchmarkIntegrationTests {

    @Test
    void quickBenchmarkWritesJsonMarkdownAndChart() throws IOException {
        Path root = Path.of("..").toAbsolutePath().normalize();
        Workspace workspace =
                FreePorts.workspace(root, Path.of("target", "bench-it").toAbsolutePath());
        Path out = Path.of("target", "bench-it", "out").toAbsolutePath();

        BenchReport report = Benchmark.run(
                workspace,
                new Benchmark.Settings(4, Duration.ofSeconds(1), Duration.ofSeconds(1), 5, 1, false),
                out,
                new PrintStream(System.out, true));

        assertThat(out.resolve("latest.md")).content().contains("many_accounts").contains("hot_account");
        assertThat(Files.size(out.resolve("latest.png"))).isPositive();
        JsonNode json = JsonMapper.builder().build().readTree(Files.readString(out.resolve("latest.json")));
        for (String scenario : List.of("many_accounts", "hot_account")) {
            JsonNode result = json.get(scenario);
            for (String field : List.of(
                    "ceiling_tps",
                    "naive_tps",
                    "dtx_tps",
                    "dtx_credit_ms_p50",
                    "dtx_credit_ms_p95",
                    "dtx_credit_ms_p99",
                    "dtx_jit_compile_s",
                    "naive_cpu_ms_per_recharge")) {
                assertThat(result.has(field)).as(scenario + "." + field).isTrue();
            }
            // Something was measured: every path credited payments.
            assertThat(result.get("ceiling_tps").asDouble()).isPositive();
            assertThat(result.get("naive_tps").asDouble()).isPositive();
            assertThat(result.get("dtx_tps").asDouble()).isPositive();
            assertThat(result.get("latency_samples").asInt()).isPositive();
            if (scenario.equals("many_accounts")) {
                assertBinlogMeasured(scenario, result.get("binlog"));
            }
        }
        assertCurveAndGrowth(report, json, out);
        // The JIT counters were read (jcmd) and the one allowed warm-up round ran.
        assertThat(report.warmUp().rounds()).isEqualTo(1);
        assertThat(json.get("warm_up").has("last_round_jit_share")).isTrue();
        assertThat(report.database().innodbFlushLogAtTrxCommit()).isEqualTo(1L);
    }

    /** The curve at 1 client and at the run's 4, each point measured; the tables read after the run. */
    private static void assertCurveAndGrowth(BenchReport report, JsonNode json, Path out) throws IOException {
        assertThat(json.get("concurrency_curve").get("points").size()).isEqualTo(2);
        assertThat(report.concurrencyCurve().points())
                .extracting(ConcurrencyCurve.Point::clients)
                .containsExactly(1, 4);
        assertThat(report.concurrencyCurve().points()).allMatch(p -> p.creditedPerSecond() > 0 && p.creditMsP99() > 0);
        assertThat(report.concurrencyCurve().kneeClients()).isIn(1, 4);
        assertThat(report.tableGrowth().tables())
                .anyMatch(t -> t.table().equals("bank1_pay.account_pay")
                        && t.rows() == report.tableGrowth().payments())
                .anyMatch(t -> t.table().equals("bank1.de_duplication") && t.rows() > 0 && t.bytes() > 0);
        assertThat(Files.size(out.resolve("curve.png"))).isPositive();
        assertThat(Files.size(out.resolve("growth.png"))).isPositive();
        assertThat(report.backlogDrain().payments())
                .as("the backlog, all credited after the restart")
                .isEqualTo(200);
        assertThat(report.backlogDrain().drainedPerSecond()).isPositive();
        assertHistory(report.ledgerHistory());
        assertThat(report.notifier().notifications()).isEqualTo(100);
        assertThat(report.notifier().deliveredPerSecond()).isPositive();
        assertLevers(report.levers());
        // Every bounded table's own job removed every row written past its retention.
        assertThat(report.retention().cleanups())
                .extracting(RetentionAtWork.Cleanup::table)
                .containsExactly(
                        "bank1.de_duplication", "bank1_pay.mq_notify", "dtx_notify.notification (+ delivery_attempt)");
        assertThat(report.retention().cleanups()).allMatch(c -> c.rows() == 2_000 && c.rowsPerSecond() > 0);
    }

    /**
     * Every trial of the levers credited payments. One transaction per message: the database
     * counted two inserts per recharge, but one commit and two SETs (autocommit off and on), all
     * the account side's: the pay side's lone INSERT commits by itself. Whole-server counters less
     * an idle interval's share (the cleanups commit every 5 s), so a tiny run reads within a few
     * hundredths (1.98 for 2 once); the pay side back in an explicit transaction would read 2 and 4.
     * The SETs read up to 2.9 here: the trial runs for a second right after both services were
     * restarted, and their fresh pools' and start-up jobs' statements weigh on some 60 recharges
     * (the run on long-lived services reads 1.8; ./dtx bench's 20-second trials read 2.0). Batched:
     * the same inserts, never more commits (fewer when batches formed).
     */
    private static void assertLevers(Levers levers) {
        List<Levers.Side> sides =
                List.of(levers.defaults(), levers.oneByOne(), levers.smallPools(), levers.clientPrefetch());
        assertThat(sides)
                .flatMap(side -> List.of(side.many(), side.hot()))
                .allSatisfy(trial -> assertThat(trial.tps()).isPositive());
        assertThat(List.of(levers.before(), levers.again()))
                .allSatisfy(trial -> assertThat(trial.tps()).isPositive());
        // Every side's hot latency run offered the same load, and each of its payments was timed.
        assertThat(sides).allSatisfy(side -> {
            assertThat(side.hotLatency().latencyOfferedTps())
                    .isEqualTo(levers.defaults().hotLatency().latencyOfferedTps());
            assertThat(side.hotLatency().latencySamples()).isPositive();
        });
        assertPoolsAsSet(levers);
        assertThat(levers.defaults().many().cpu().brokerJvm()).isPositive();
        Levers.Trial single = levers.oneByOne().many();
        assertThat(single.statements().insert()).isBetween(1.9, 2.5);
        assertThat(single.statements().commit()).isBetween(0.9, 1.5);
        assertThat(single.statements().setOption()).isBetween(1.9, 3.2);
        assertThat(single.batches().creditedTogether()).isZero();
        assertThat(levers.oneByOne().hot().batches().creditedTogether()).isZero();
        assertThat(levers.before().statements().insert()).isBetween(1.9, 2.5);
        assertThat(levers.before().statements().commit()).isBetween(0.05, 1.5);
    }

    /**
     * The services ran with the pools each side asked for, as they report them: connections from
     * the pools' own gauges, consumer threads from the account JVM's threads (the client starts
     * one per task up to its size; more than 4 batches were handed over in each run).
     */
    private static void assertPoolsAsSet(Levers levers) {
        assertThat(List.of(levers.smallPools().many(), levers.smallPools().hot()))
                .allSatisfy(trial -> assertThat(trial.pools()).isEqualTo(new PoolMeter.Pools(4, 4, 4)));
        assertThat(List.of(levers.defaults().many(), levers.oneByOne().many(), levers.again()))
                .allSatisfy(trial -> {
                    assertThat(trial.pools().payConnections()).isEqualTo(20);
                    assertThat(trial.pools().accountConnections()).isEqualTo(20);
                    assertThat(trial.pools().consumerThreads()).isBetween(5, 20);
                });
    }

    /**
     * The history went into both ledgers, so the sweep found them equal and credited nothing; the
     * reconciliation read pages at both depths.
     */
    private static void assertHistory(LedgerHistory history) {
        assertThat(history.historyPayments()).isEqualTo(20_000);
        assertThat(history.near().pagesPerRun()).isPositive();
        assertThat(history.near().msPerPage()).isPositive();
        assertThat(history.deep().rowsBeforeCursor())
                .isGreaterThan(history.near().rowsBeforeCursor());
        assertThat(history.sweep().windows()).isPositive();
        assertThat(history.sweep().credited()).isZero();
        assertThat(history.sweep().alarms()).isZero();
    }

    /** The binlog publisher beside dtx: its relay published, and its lag was read at the broker. */
    private static void assertBinlogMeasured(String scenario, JsonNode binlog) {
        assertThat(binlog.get("tps").asDouble()).as(scenario + " binlog").isPositive();
        assertThat(binlog.get("lag_ms_p50").asDouble())
                .as(scenario + " relay lag")
                .isPositive();
        // Its own pay instance and the relay did the work, and were measured doing it.
        assertThat(binlog.get("cpu_ms_per_recharge").get("pay_service").asDouble())
                .isPositive();
        assertThat(binlog.get("cpu_ms_per_recharge").get("relay").asDouble()).isPositive();
    }
}
