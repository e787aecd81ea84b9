package io.dtx.walkthrough.stack;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class StackProfileTests {

    private final Workspace workspace = new Workspace(Path.of("/repo"), Path.of("/repo/.dtx"), 56082, 56081);

    @Test
    void theDemoAndTheCampaignOpenThePauseHookAndNothingElseOfTheLab() {
        for (StackProfile profile : new StackProfile[] {StackProfile.DEMO, StackProfile.CHAOS}) {
            assertThat(profile.payArgs(workspace))
                    .as(profile.name())
                    .containsExactly("--spring.profiles.active=lab", "--dtx.lab.pause-file=/repo/.dtx/run/pause");
        }
    }

    @Test
    void theBenchmarkOpensTheNaiveEndpointAndNeverThePauseHook() {
        assertThat(StackProfile.BENCH.payArgs(workspace))
                .containsExactly("--spring.profiles.active=lab", "--dtx.lab.naive-endpoint=true")
                .noneMatch(arg -> arg.contains("pause"));
    }

    @Test
    void theDemoReconcilesLateFirstSoStepFourShowsTheCheckBackThenOftenForStepSix() {
        assertThat(StackProfile.DEMO.accountSettings(false))
                .containsEntry("ACCOUNT_RECONCILE_INITIAL_DELAY", "PT45S")
                .containsEntry("ACCOUNT_RECONCILE_INTERVAL", "PT10S");
        assertThat(StackProfile.DEMO.accountSettings(true)).containsEntry("ACCOUNT_RECONCILE_INITIAL_DELAY", "PT10S");
        assertThat(StackProfile.DEMO.reconciliation().orElseThrow().interval()).isEqualTo(Duration.ofSeconds(10));
    }

    @Test
    void theCampaignGivesUpOnLockedRowsFastSoAFailingConsumerReachesTheDeadLetterQueue() {
        assertThat(StackProfile.CHAOS.accountSettings(false))
                .containsEntry("ACCOUNT_DB_LOCK_WAIT_TIMEOUT_S", "1")
                .containsEntry("ACCOUNT_RECONCILE_INITIAL_DELAY", "PT10S")
                .containsEntry("ACCOUNT_MAX_RECONSUME_TIMES", "3");
    }

    @Test
    void theBenchmarkCreditsOnlyFromMessagesOnFullyCompilingJvms() {
        assertThat(StackProfile.BENCH.accountSettings(false))
                .containsEntry("ACCOUNT_RECONCILE_ENABLED", "false")
                .containsEntry("ACCOUNT_SWEEP_ENABLED", "false")
                .containsEntry("ACCOUNT_MAX_RECONSUME_TIMES", "16")
                .doesNotContainKey("ACCOUNT_RECONCILE_INITIAL_DELAY");
        assertThat(StackProfile.BENCH.reconciliation()).isEmpty();
        assertThat(StackProfile.BENCH.serviceJvm()).doesNotContain("-XX:TieredStopAtLevel=1", "-XX:-UsePerfData");
        assertThat(StackProfile.DEMO.serviceJvm()).contains("-XX:TieredStopAtLevel=1");
        assertThat(StackProfile.DEMO.accountSettings(false)).doesNotContainKey("ACCOUNT_SWEEP_ENABLED");
        // The build's tiny run: the same services, quick to start, counters on for the warm-up.
        assertThat(StackProfile.BENCH_SMOKE.accountSettings(false))
                .isEqualTo(StackProfile.BENCH.accountSettings(false));
        assertThat(StackProfile.BENCH_SMOKE.serviceJvm())
                .contains("-XX:TieredStopAtLevel=1")
                .doesNotContain("-XX:-UsePerfData");
    }
}
