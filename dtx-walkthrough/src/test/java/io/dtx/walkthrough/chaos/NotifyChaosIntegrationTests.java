package io.dtx.walkthrough.chaos;

import static org.assertj.core.api.Assertions.assertThat;

import io.dtx.walkthrough.FreePorts;
import io.dtx.walkthrough.stack.Workspace;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * {@code ./dtx chaos --notify}, short: the account service hears of payments only by the
 * notifier's callbacks (and the query paths), while the notifier, the account service, the pay
 * service and the broker are killed and the rest of the faults strike. Every payment must be
 * credited exactly once and delivered by callback; the verdict comes from the databases.
 */
class NotifyChaosIntegrationTests {

    @Test
    void withTheNotifierAsTheOnlyDeliveryEveryPaymentIsDeliveredAndCreditedOnce() throws IOException {
        Path root = Path.of("..").toAbsolutePath().normalize();
        Workspace workspace =
                FreePorts.workspace(root, Path.of("target", "notify-chaos-it").toAbsolutePath());
        Chaos.Settings quick = Chaos.Settings.quick(11);
        // The quick campaign's load (the faults need payments in flight while they strike), no bad
        // inputs, and each of this campaign's kinds of fault once (no random extra ones: CI time).
        Chaos.Settings settings = new Chaos.Settings(
                        quick.recharges(), quick.concurrency(), quick.seconds(), 11, 0, 0, true, false)
                .withNotifier();

        ChaosReport report = Chaos.run(
                workspace, settings, Path.of("target", "notify-chaos-it", "out"), new PrintStream(System.out, true));

        FaultReport faults = report.faultCampaign();
        assertThat(faults.faults())
                .containsOnlyKeys(Faults.kinds(true).stream().map(Enum::name).toList());
        assertThat(faults.faultLog()).allMatch(Faults.Injected::happened, "every fault really happened");
        assertThat(faults.convergence().converged())
                .as(
                        "converged; still uncredited: %s",
                        String.join("\n", faults.convergence().stuck()))
                .isTrue();
        Verdict verdict = faults.verdict();
        assertThat(verdict.payments())
                .isGreaterThanOrEqualTo(faults.clients().acknowledged())
                .isPositive();
        assertThat(verdict.lost()).as("lost, examples " + verdict.examples()).isZero();
        assertThat(verdict.doubled())
                .as("doubled, examples " + verdict.examples())
                .isZero();
        assertThat(verdict.phantom())
                .as("phantom, examples " + verdict.examples())
                .isZero();
        NotifyVerdict notifier = faults.notifier();
        assertThat(notifier.undelivered()).isZero();
        assertThat(notifier.withoutNotification()).isZero();
        assertThat(notifier.delivered()).isEqualTo(verdict.payments());
        assertThat(notifier.creditedByCallback())
                .as("callbacks did the crediting")
                .isPositive();
        assertThat(report.verdict()).isEqualTo("PASS");
    }
}
