package io.dtx.walkthrough.chaos;

import static org.assertj.core.api.Assertions.assertThat;

import io.dtx.walkthrough.FreePorts;
import io.dtx.walkthrough.stack.Workspace;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The short fault campaign of {@code ./dtx chaos --quick}, inside {@code ./mvnw verify}: a few
 * hundred recharges while every kind of fault strikes once, for real (SIGKILLs, a broker restart,
 * killed database connections, duplicates, a failing consumer), then a few hundred hostile
 * requests. The verdict comes from the databases: nothing lost, doubled or invented.
 */
class ChaosIntegrationTests {

    @Test
    void everyPaymentIsCreditedExactlyOnceThroughEveryKindOfFault() throws IOException {
        Path root = Path.of("..").toAbsolutePath().normalize();
        Workspace workspace =
                FreePorts.workspace(root, Path.of("target", "chaos-it").toAbsolutePath());
        Path out = Path.of("target", "chaos-it", "out").toAbsolutePath();

        ChaosReport report = Chaos.run(workspace, Chaos.Settings.quick(7), out, new PrintStream(System.out, true));

        FaultReport faults = report.faultCampaign();
        // Every kind of fault was injected, so the verdict below covers each of them.
        assertThat(faults.faults())
                .containsOnlyKeys(Faults.kinds(false).stream().map(Enum::name).toList());
        assertThat(faults.clients().acknowledged())
                .as("the customers got recharges through")
                .isPositive();
        assertThat(faults.verdict().payments())
                .isGreaterThanOrEqualTo(faults.clients().acknowledged());
        assertThat(faults.convergence().converged())
                .as(
                        "converged; still uncredited: %s",
                        String.join("\n", faults.convergence().stuck()))
                .isTrue();
        // Read back from the file, under the names docs/reliability.md gives.
        JsonNode json = JsonMapper.builder().build().readTree(Files.readString(out.resolve("latest.json")));
        for (String failure : List.of("lost", "doubled", "phantom", "mismatched", "acknowledged_missing")) {
            assertThat(json.get(failure).asLong())
                    .as(failure + " (examples: " + json.get("examples") + ")")
                    .isZero();
        }
        InputReport inputs = report.badInputs();
        assertThat(inputs.sent()).isGreaterThanOrEqualTo(400);
        assertThat(inputs.accepted()).as("examples: " + inputs.examples()).isZero();
        assertThat(inputs.serverErrors()).as("examples: " + inputs.examples()).isZero();
        assertThat(inputs.withoutProblemBody())
                .as("examples: " + inputs.examples())
                .isZero();
        assertThat(inputs.databasesUnchanged()).isTrue();
        assertThat(json.get("bad_inputs").get("holds").asBoolean()).isTrue();
        assertThat(json.get("verdict").asString()).isEqualTo("PASS");
    }
}
