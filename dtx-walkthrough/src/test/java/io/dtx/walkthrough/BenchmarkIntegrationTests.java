package io.dtx.walkthrough;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.PrintStream;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Proves that the benchmark runs end to end and writes its three outputs. Tiny numbers; it
 * asserts nothing about speed (that is what {@code ./dtx bench} is for).
 */
class BenchmarkIntegrationTests {

    @Test
    @SuppressWarnings("unchecked")
    void quickBenchmarkWritesJsonMarkdownAndChart() throws IOException {
        Path root = Path.of("..").toAbsolutePath().normalize();
        Workspace workspace = new Workspace(root, Path.of("target", "bench-it").toAbsolutePath(), freePort(), freePort());
        Path out = Path.of("target", "bench-it", "out").toAbsolutePath();

        Map<String, Object> report = Benchmark.run(workspace,
                new Benchmark.Settings(4, Duration.ofSeconds(2), Duration.ofSeconds(2), 5, 1, false), out, new PrintStream(System.out, true));

        assertThat(out.resolve("latest.json")).isRegularFile();
        assertThat(out.resolve("latest.md")).content().contains("many_accounts").contains("hot_account");
        assertThat(Files.size(out.resolve("latest.png"))).isPositive();
        for (String scenario : new String[] {"many_accounts", "hot_account"}) {
            Map<String, Object> result = (Map<String, Object>) report.get(scenario);
            assertThat(result).containsKeys("ceiling_tps", "naive_tps", "dtx_tps", "dtx_credit_ms_p50", "dtx_credit_ms_p95", "dtx_credit_ms_p99",
                    "dtx_jit_compile_s", "naive_cpu_ms_per_recharge");
            // Something was measured: every path credited payments.
            assertThat((double) result.get("ceiling_tps")).isPositive();
            assertThat((double) result.get("naive_tps")).isPositive();
            assertThat((double) result.get("dtx_tps")).isPositive();
            assertThat((int) result.get("latency_samples")).isPositive();
        }
        // The JIT counters were read (jcmd) and the one allowed warm-up round ran.
        assertThat((Map<String, Object>) report.get("warm_up")).containsEntry("rounds", 1).containsKey("last_round_jit_share");
        assertThat((Map<String, Object>) report.get("database")).containsEntry("innodb_flush_log_at_trx_commit", 1L);
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
