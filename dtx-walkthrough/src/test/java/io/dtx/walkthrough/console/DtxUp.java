package io.dtx.walkthrough.console;

import static org.assertj.core.api.Assertions.assertThat;

import io.dtx.walkthrough.stack.Workspace;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code ./dtx up} and {@code ./dtx down}, run as a learner runs them, on free ports and in a state
 * directory of the test's own, so a stack the developer left running is not touched.
 */
final class DtxUp {

    private static final Pattern CONSOLE_URL =
            Pattern.compile("console\\s+(http://127\\.0\\.0\\.1:\\d+/\\?token=[A-Za-z0-9_-]+)");

    private final Path root;
    private final Map<String, String> env;
    private final Path log;

    DtxUp(Workspace workspace, int consolePort) {
        this.root = workspace.root();
        this.env = Map.of(
                "PAY_PORT", Integer.toString(workspace.payPort()),
                "ACCOUNT_PORT", Integer.toString(workspace.accountPort()),
                "CONSOLE_PORT", Integer.toString(consolePort),
                "DTX_STATE", workspace.stateDir().toString());
        this.log = workspace.stateDir().resolve("dtx-up.out");
    }

    /** Runs {@code ./dtx up} to its end; the console's URL it printed. */
    String up() throws IOException, InterruptedException {
        Files.createDirectories(log.getParent());
        int exit = run("up", Path.of(log.toString()));
        String printed = Files.readString(log);
        assertThat(exit).as("./dtx up exited with %d:%n%s", exit, printed).isZero();
        Matcher url = CONSOLE_URL.matcher(printed);
        assertThat(url.find())
                .as("./dtx up printed the console's URL:%n%s", printed)
                .isTrue();
        return url.group(1);
    }

    void down() throws IOException, InterruptedException {
        run("down", log.resolveSibling("dtx-down.out"));
    }

    private int run(String command, Path output) throws IOException, InterruptedException {
        ProcessBuilder builder = new ProcessBuilder("bash", root.resolve("dtx").toString(), command)
                .directory(root.toFile())
                .redirectErrorStream(true)
                .redirectOutput(output.toFile());
        builder.environment().putAll(env);
        Process process = builder.start();
        if (!process.waitFor(300, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            return -1;
        }
        return process.exitValue();
    }
}
