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
 * {@code ./dtx chaos --quick --publisher binlog}: the pay service writes only payments, the binlog
 * relay publishes them, and the relay is SIGKILLed three times (each time with payments committed
 * after its last saved position, checked in the database once it is dead) among the faults of
 * the pay side, the broker and the database (the account side's own are the other campaigns').
 * The verdict comes from the databases: nothing lost, doubled or invented.
 */
class BinlogChaosIntegrationTests {

    @Test
    void everyPaymentIsCreditedExactlyOnceWhileTheRelayIsKilledAgainAndAgain() throws IOException {
        Path root = Path.of("..").toAbsolutePath().normalize();
        Workspace workspace = FreePorts.workspace(
                        root, Path.of("target", "chaos-binlog-it").toAbsolutePath())
                .withPublisher("binlog");
        Path out = Path.of("target", "chaos-binlog-it", "out").toAbsolutePath();
        Chaos.Settings quick = Chaos.Settings.quick(11);
        Chaos.Settings settings = new Chaos.Settings(
                120,
                quick.concurrency(),
                20,
                quick.seed(),
                Faults.kinds(false, true).size(),
                100,
                true,
                false);

        ChaosReport report = Chaos.run(workspace, settings, out, new PrintStream(System.out, true));

        FaultReport faults = report.faultCampaign();
        assertThat(faults.faults())
                .containsOnlyKeys(
                        Faults.kinds(false, true).stream().map(Enum::name).toList());
        assertThat(faults.faults().get("RELAY_KILLED")).isEqualTo(3);
        assertThat(faults.clients().acknowledged()).isPositive();
        assertThat(faults.convergence().converged())
                .as(
                        "converged; still uncredited: %s",
                        String.join("\n", faults.convergence().stuck()))
                .isTrue();
        JsonNode json = JsonMapper.builder().build().readTree(Files.readString(out.resolve("latest.json")));
        for (String failure : List.of("lost", "doubled", "phantom", "mismatched", "acknowledged_missing")) {
            assertThat(json.get(failure).asLong())
                    .as(failure + " (examples: " + json.get("examples") + ")")
                    .isZero();
        }
        assertThat(json.get("verdict").asString())
                .as("every fault really happened, the relay's kills among them")
                .isEqualTo("PASS");
    }
}
