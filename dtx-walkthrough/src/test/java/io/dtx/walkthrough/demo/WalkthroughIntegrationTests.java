package io.dtx.walkthrough.demo;

import static org.assertj.core.api.Assertions.assertThat;

import io.dtx.walkthrough.FreePorts;
import io.dtx.walkthrough.stack.Workspace;
import io.dtx.walkthrough.words.Words;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Locale;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/**
 * Runs the whole walkthrough, as {@code ./dtx demo --lang zh-CN} does: the sandbox and both
 * services as separate processes, the real SIGKILLs, all ten steps, told in Chinese (the same
 * steps and checks as in English; only the sentences come from the other file, and
 * {@link NarrationWordsTests} holds the two files in step). If the story stops holding, or the
 * README's promises drift from the code, this fails.
 */
class WalkthroughIntegrationTests {

    @Test
    void everyStepOfTheDemoHolds() throws IOException {
        Path root = Path.of("..").toAbsolutePath().normalize();
        Workspace workspace =
                FreePorts.workspace(root, Path.of("target", "walkthrough").toAbsolutePath());
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        PrintStream out = new PrintStream(new TeeOutputStream(System.out, captured), true, StandardCharsets.UTF_8);

        Words chinese = Narrator.narration(Locale.SIMPLIFIED_CHINESE);

        boolean held = Demo.run(
                workspace,
                IntStream.rangeClosed(1, Demo.STEPS).boxed().toList(),
                out,
                false,
                -1,
                Locale.SIMPLIFIED_CHINESE);

        String story = captured.toString(StandardCharsets.UTF_8);
        assertThat(held).as("every step held; the story was:%n%s", story).isTrue();
        assertThat(story).doesNotContain("✘").contains(chinese.text("story.allHeld"));
        for (int step = 1; step <= Demo.STEPS; step++) {
            Step told = Story.STEPS.get(step - 1);
            assertThat(story).contains(chinese.text("story.heading", step, chinese.text(told.title())));
        }
        assertThat(chinese.text(
                        "story.heading", 10, chinese.text(Story.STEPS.get(9).title())))
                .startsWith("第 10 步 · ");
    }

    /** Shows the story in the build log and keeps a copy for the assertions. */
    private static final class TeeOutputStream extends OutputStream {
        private final OutputStream a;
        private final OutputStream b;

        TeeOutputStream(OutputStream a, OutputStream b) {
            this.a = a;
            this.b = b;
        }

        @Override
        public void write(int c) throws IOException {
            a.write(c);
            b.write(c);
        }

        @Override
        public void write(byte[] bytes, int off, int len) throws IOException {
            a.write(bytes, off, len);
            b.write(bytes, off, len);
        }
    }
}
