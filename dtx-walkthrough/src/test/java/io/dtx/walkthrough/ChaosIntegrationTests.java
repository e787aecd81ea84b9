package io.dtx.walkthrough;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.PrintStream;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The short fault campaign of {@code ./dtx chaos --quick}, inside {@code ./mvnw verify}: a few
 * hundred recharges while every kind of fault strikes once, for real (SIGKILLs, a broker restart,
 * killed database connections, duplicates, a failing consumer), then a few hundred hostile
 * requests. The verdict comes from the databases: nothing lost, doubled or invented.
 */
class ChaosIntegrationTests {

    @Test
    @SuppressWarnings("unchecked")
    void everyPaymentIsCreditedExactlyOnceThroughEveryKindOfFault() throws IOException {
        Path root = Path.of("..").toAbsolutePath().normalize();
        Workspace workspace = new Workspace(root, Path.of("target", "chaos-it").toAbsolutePath(), freePort(), freePort());
        Path out = Path.of("target", "chaos-it", "out").toAbsolutePath();

        Map<String, Object> report = Chaos.run(workspace, Chaos.Settings.quick(7), out, new PrintStream(System.out, true));

        assertThat(out.resolve("latest.json")).isRegularFile();
        // Every kind of fault was injected, so the verdict below covers each of them.
        assertThat((Map<String, Integer>) report.get("faults")).containsOnlyKeys(
                Arrays.stream(Faults.Kind.values()).map(Enum::name).toList());
        assertThat((int) report.get("acknowledged")).as("the customers got recharges through").isPositive();
        assertThat((long) report.get("payments")).isGreaterThanOrEqualTo((int) report.get("acknowledged"));
        assertThat(report.get("converged")).isEqualTo(true);
        for (String failure : List.of("lost", "doubled", "phantom", "mismatched", "acknowledged_missing")) {
            assertThat((long) report.get(failure)).as(failure + " (examples: " + report.get("examples") + ")").isZero();
        }
        Map<String, Object> inputs = (Map<String, Object>) report.get("bad_inputs");
        assertThat((int) inputs.get("sent")).isGreaterThanOrEqualTo(400);
        assertThat(inputs.get("accepted")).as("examples: " + inputs.get("examples")).isEqualTo(0);
        assertThat(inputs.get("server_errors")).as("examples: " + inputs.get("examples")).isEqualTo(0);
        assertThat(inputs.get("without_problem_body")).as("examples: " + inputs.get("examples")).isEqualTo(0);
        assertThat(inputs.get("databases_unchanged")).isEqualTo(true);
        assertThat(report.get("verdict")).isEqualTo("PASS");
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
