package io.dtx.walkthrough;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.dtx.walkthrough.bench.Benchmark;
import io.dtx.walkthrough.chaos.Chaos;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;

class CommandLineTests {

    private static final Path OUT = Path.of("/tmp/dtx-out");

    @Test
    void demoRunsEveryStepUnlessStepsAreChosen() {
        assertThat(CommandLine.demo(new String[] {"demo"}).steps()).containsExactly(1, 2, 3, 4, 5, 6, 7, 8, 9, 10);
        assertThat(CommandLine.demo(new String[] {"demo", "--step", "4"}).steps())
                .containsExactly(4);
        assertThat(CommandLine.demo(new String[] {"demo", "--step", "2,3", "--step", "8"})
                        .steps())
                .containsExactly(2, 3, 8);
    }

    @Test
    void theEnvironmentsStoryIsAnotherStoryWithoutSteps() {
        CommandLine.DemoCommand command = CommandLine.demo(new String[] {"demo", "--environments"});
        assertThat(command.environments()).isTrue();
        assertThat(CommandLine.demo(new String[] {"demo"}).environments()).isFalse();
        assertThatIllegalArgumentException()
                .isThrownBy(() -> CommandLine.demo(new String[] {"demo", "--environments", "--step", "2"}))
                .withMessageContaining("--step and --console go with the bank story");
    }

    @Test
    void everyCommandTakesAPublisherAndHandsTheRestOn() {
        String[] args = {"chaos", "--publisher", "outbox", "--quick"};

        assertThat(CommandLine.publisher(args)).isEqualTo("outbox");
        assertThat(CommandLine.withoutPublisher(args)).containsExactly("chaos", "--quick");
        assertThat(CommandLine.publisher(new String[] {"demo"})).isEqualTo("transactional");
        assertThatThrownBy(() -> CommandLine.publisher(new String[] {"up", "--publisher", "carrier-pigeon"}))
                .hasMessageContaining("--publisher needs one of [transactional, outbox, queue-first, binlog]");
        assertThatThrownBy(() -> CommandLine.publisher(new String[] {"up", "--publisher"}))
                .hasMessageContaining("--publisher needs one of");
    }

    @Test
    void theLanguageComesFromLangThenDtxLangElseEnglishAndIsHandedOnToNoCommand() {
        String[] args = {"demo", "--lang", "zh-CN", "--step", "2"};

        assertThat(CommandLine.language(args, null)).isEqualTo(Locale.SIMPLIFIED_CHINESE);
        assertThat(CommandLine.language(new String[] {"up"}, "zh-CN")).isEqualTo(Locale.SIMPLIFIED_CHINESE);
        assertThat(CommandLine.language(new String[] {"demo", "--lang", "en"}, "zh-CN"))
                .isEqualTo(Locale.ROOT);
        assertThat(CommandLine.language(new String[] {"demo"}, " ")).isEqualTo(Locale.ROOT);
        assertThat(CommandLine.demo(CommandLine.withoutPublisher(args)).steps()).containsExactly(2);
        assertThatIllegalArgumentException()
                .isThrownBy(() -> CommandLine.language(new String[] {"demo", "--lang", "fr"}, null))
                .withMessageContaining("[en, zh-CN]");
        assertThatIllegalArgumentException().isThrownBy(() -> CommandLine.language(new String[] {"demo"}, "de"));
        assertThatIllegalArgumentException()
                .isThrownBy(() -> CommandLine.language(new String[] {"demo", "--lang"}, null));
    }

    @Test
    void benchIsFullUnlessQuickAndRecordsOnlyWhenAskedTo() {
        CommandLine.BenchCommand full = CommandLine.bench(new String[] {"bench"}, OUT);
        assertThat(full.settings()).isEqualTo(Benchmark.Settings.full());
        assertThat(full.out()).isEqualTo(OUT);

        CommandLine.BenchCommand quick =
                CommandLine.bench(new String[] {"bench", "--profile", "--quick", "--out", "/tmp/b"}, OUT);
        assertThat(quick.settings()).isEqualTo(Benchmark.Settings.quick().profiled());
        assertThat(quick.out()).isEqualTo(Path.of("/tmp/b"));
    }

    @Test
    void chaosIsTheFullCampaignWithTheGivenSeedByDefault() {
        CommandLine.ChaosCommand command = CommandLine.chaos(new String[] {"chaos"}, 42, OUT);

        assertThat(command.settings()).isEqualTo(Chaos.Settings.full(42));
        assertThat(command.out()).isEqualTo(OUT);
    }

    @Test
    void chaosOptionsOverrideTheBaseSizesInAnyOrder() {
        String[] args = {
            "chaos",
            "--recharges",
            "50",
            "--quick",
            "--seed",
            "7",
            "--concurrency",
            "2",
            "--seconds",
            "9",
            "--faults",
            "8",
            "--bad-inputs",
            "0",
            "--out",
            "/tmp/c"
        };

        CommandLine.ChaosCommand command = CommandLine.chaos(args, 42, OUT);

        assertThat(command.settings()).isEqualTo(new Chaos.Settings(50, 2, 9, 7, 8, 0, true, false));
        assertThat(command.out()).isEqualTo(Path.of("/tmp/c"));
    }

    @Test
    void notifyRunsTheCampaignWithTheNotifierAndAtLeastEachOfItsFaultsOnce() {
        Chaos.Settings settings = CommandLine.chaos(
                        new String[] {"chaos", "--quick", "--notify", "--faults", "3"}, 42, OUT)
                .settings();

        assertThat(settings.notifier()).isTrue();
        assertThat(settings.faults()).isGreaterThan(3);
        assertThat(CommandLine.chaos(new String[] {"chaos", "--quick"}, 42, OUT)
                        .settings()
                        .notifier())
                .isFalse();
    }

    @Test
    void inputsAloneTurnsTheFaultCampaignOffWhereverItStands() {
        for (List<String> args :
                List.of(List.of("chaos", "--inputs", "--quick"), List.of("chaos", "--quick", "--inputs"))) {
            Chaos.Settings settings =
                    CommandLine.chaos(args.toArray(String[]::new), 42, OUT).settings();

            assertThat(settings.faultsOn()).as(args.toString()).isFalse();
            assertThat(settings.badInputs()).isEqualTo(Chaos.Settings.quick(42).badInputs());
        }
    }

    @Test
    void unknownOptionsMissingValuesAndNonNumbersAreRefusedWithTheirName() {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> CommandLine.chaos(new String[] {"chaos", "--fast"}, 1, OUT))
                .withMessage("unknown option: --fast");
        assertThatIllegalArgumentException()
                .isThrownBy(() -> CommandLine.chaos(new String[] {"chaos", "--seed"}, 1, OUT))
                .withMessage("--seed needs a value");
        assertThatIllegalArgumentException()
                .isThrownBy(() -> CommandLine.chaos(new String[] {"chaos", "--recharges", "many"}, 1, OUT))
                .withMessageContaining("--recharges");
        assertThatIllegalArgumentException()
                .isThrownBy(() -> CommandLine.demo(new String[] {"demo", "--step", "x"}))
                .withMessageContaining("--step");
        assertThatIllegalArgumentException()
                .isThrownBy(() -> CommandLine.bench(new String[] {"bench", "--seed", "1"}, OUT))
                .withMessage("unknown option: --seed");
    }
}
