package io.dtx.walkthrough.stack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A JVM whose jar is missing exits at once and logs "Unable to access jarfile" with the jar's
 * path; a jar named after Spring Boot's failed start and RocketMQ's timeout makes that exit look
 * like one to the process.
 */
class JavaProcessTests {

    private static final String TIMED_OUT = "Application run failed RemotingTimeoutException.jar";

    @TempDir
    Path dir;

    @Test
    void aServiceWhoseRocketMqClientTimedOutIsStartedOnceMore() throws Exception {
        JavaProcess process = process(TIMED_OUT);

        assertThat(attemptsUntilStartUpFails(process.start())).isEqualTo(2);
    }

    @Test
    void anyOtherExitFailsAtOnce() throws Exception {
        JavaProcess process = process("missing.jar");

        assertThat(attemptsUntilStartUpFails(process.start())).isEqualTo(1);
    }

    @Test
    void aTimeoutInAnEarlierLifeDoesNotCount() throws Exception {
        JavaProcess process = process("missing.jar");
        Files.createDirectories(process.log().getParent());
        Files.writeString(process.log(), "Application run failed: RemotingTimeoutException, before a kill\n");

        assertThat(attemptsUntilStartUpFails(process.start())).isEqualTo(1);
    }

    @Test
    void aServiceStoppedMeanwhileIsNotStartedAgain() throws Exception {
        JavaProcess process = process(TIMED_OUT).start();
        while (process.alive()) {
            Thread.sleep(20);
        }
        process.stop();

        assertThat(attemptsUntilStartUpFails(process)).isEqualTo(1);
    }

    @Test
    void aTimeoutLoggedBeforeAnotherFailureDoesNotCount() throws Exception {
        JavaProcess process = process("RemotingTimeoutException, then Application run failed.jar");

        assertThat(attemptsUntilStartUpFails(process.start())).isEqualTo(1);
    }

    private JavaProcess process(String jar) {
        Workspace workspace = new Workspace(dir, dir.resolve("state"), 0, 0);
        return new JavaProcess("pay", dir.resolve(jar), List.of(), Map.of(), workspace, List.of());
    }

    /** Waits for the started process as the stack does; how many times it was started, read from its log. */
    private static long attemptsUntilStartUpFails(JavaProcess started) throws Exception {
        assertThatThrownBy(() -> started.awaitHealthy("http://127.0.0.1:9", Duration.ofSeconds(30)))
                .hasMessageContaining("exited during start-up");
        return Files.readAllLines(started.log()).stream()
                .filter(line -> line.contains("Unable to access jarfile"))
                .count();
    }
}
