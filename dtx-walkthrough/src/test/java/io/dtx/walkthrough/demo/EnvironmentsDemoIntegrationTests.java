package io.dtx.walkthrough.demo;

import static org.assertj.core.api.Assertions.assertThat;

import io.dtx.walkthrough.FreePorts;
import io.dtx.walkthrough.stack.Workspace;
import io.dtx.walkthrough.words.Words;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Locale;
import org.junit.jupiter.api.Test;

/**
 * Runs {@code ./dtx demo --environments} as a user would: MariaDB 11.8 from Debian's packages
 * (scripts/mariadb-trixie.sh, which {@code .ci/run} prepares), the broker, the relay and each
 * environment's pay and account service as processes of their own. Fails if any step's check
 * fails, which the story reads from every environment's own account database.
 */
class EnvironmentsDemoIntegrationTests {

    @Test
    void twoEnvironmentsOnOneDatabaseAreRoutedApart() {
        Path root = Path.of("..").toAbsolutePath().normalize();
        Workspace workspace =
                FreePorts.workspace(root, Path.of("target", "environments").toAbsolutePath());
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        PrintStream out = new PrintStream(captured, true, StandardCharsets.UTF_8);

        boolean held = EnvironmentsDemo.run(workspace, out, false);

        String story = captured.toString(StandardCharsets.UTF_8);
        System.out.print(story);
        assertThat(held).as("every step held; the story was:%n%s", story).isTrue();
        assertThat(story).doesNotContain("✘");
        Words english = Narrator.narration(Locale.ROOT);
        for (int step = 1; step <= EnvironmentsStory.TITLES.size(); step++) {
            assertThat(story).contains("Step " + step + " · " + english.text(EnvironmentsStory.TITLES.get(step - 1)));
        }
        // The table's "crossed" column: 0, not 10.
        assertThat(story).containsPattern("\\b0 in bank1_staging").containsPattern("\\b0 in bank1_dev");
    }
}
