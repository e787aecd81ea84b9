package io.dtx.walkthrough.demo;

import static org.assertj.core.api.Assertions.assertThat;

import io.dtx.walkthrough.stack.LocalStack;
import io.dtx.walkthrough.stack.StackProfile;
import io.dtx.walkthrough.stack.Workspace;
import io.dtx.walkthrough.words.Words;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;

/** The story's bookkeeping, on a stack that is never started: nothing here touches a process. */
class StoryTests {

    @Test
    void theStepsAreTheTenThatDtxHelpLists() throws IOException {
        assertThat(Story.STEPS).hasSize(10).hasSize(Demo.STEPS);
        assertThat(Files.readString(Path.of("..", "dtx")))
                .contains("--step replays chosen steps (1-10)", "9 best-effort notification", "10 audit");
        Words english = Narrator.narration(Locale.ROOT);
        assertThat(Story.STEPS.stream().map(step -> english.text(step.title())))
                .doesNotHaveDuplicates()
                .first()
                .asString()
                .startsWith("Zhang San's account");
        assertThat(english.text(Story.STEPS.get(3).title())).startsWith("Lost commit");
        assertThat(english.text(Story.STEPS.get(8).title())).startsWith("Best-effort notification");
        assertThat(english.text(Story.STEPS.get(9).title())).startsWith("Final audit");
    }

    @Test
    void aStepThatDoesNotExistFailsTheRunAndSaysWhich() {
        ByteArrayOutputStream printed = new ByteArrayOutputStream();
        Workspace workspace = new Workspace(Path.of("/nowhere"), Path.of("/nowhere/.dtx"), 1, 2);
        Narrator say = new Narrator(new PrintStream(printed, true, StandardCharsets.UTF_8), false);
        Scene scene = new Scene(workspace, new LocalStack(workspace, StackProfile.DEMO), say);

        boolean held = new Story(scene).run(List.of(11));

        assertThat(held).isFalse();
        assertThat(printed.toString(StandardCharsets.UTF_8))
                .contains("✘ step failed: There is no step 11 (1-10)")
                .contains("Some step did not hold");
    }
}
