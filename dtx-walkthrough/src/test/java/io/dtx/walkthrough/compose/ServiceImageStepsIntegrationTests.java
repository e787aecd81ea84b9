package io.dtx.walkthrough.compose;

import static org.assertj.core.api.Assertions.assertThat;

import io.dtx.testsupport.ScriptRun;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The service image's steps that are plain commands, taken from {@code docker/service.Dockerfile}
 * itself and run on the jars this build made: the layered extraction, the layers copied in the
 * Dockerfile's order, and the entry point with the image's JVM options. The application must come
 * up far enough to refuse to start without its secret, in its own words.
 */
class ServiceImageStepsIntegrationTests {

    private static final Path DOCKERFILE = ScriptRun.ROOT.resolve("docker/service.Dockerfile");
    private static final Pattern EXTRACT = Pattern.compile("(?m)^RUN (java -Djarmode=tools .*)$");
    private static final Pattern COPY_LAYER = Pattern.compile("(?m)^COPY --from=build /layers/([\\w-]+)/ \\./$");
    private static final Pattern TOOL_OPTIONS = Pattern.compile("(?m)^ENV JAVA_TOOL_OPTIONS=\"([^\"]+)\"$");
    private static final Pattern ENTRYPOINT = Pattern.compile("(?m)^ENTRYPOINT \\[(.+)]$");

    @TempDir
    Path work;

    @ParameterizedTest
    @ValueSource(strings = {"dtx-pay-service", "dtx-account-service"})
    void theExtractedLayersStartTheServiceThroughTheImagesEntryPoint(String service) throws IOException {
        String dockerfile = Files.readString(DOCKERFILE);
        Path layers = work.resolve("layers");
        String extract = find(EXTRACT, dockerfile).replace("/layers", layers.toString());

        ScriptRun extracted = ScriptRun.of(script(extract), Map.of("SERVICE", service));
        assertThat(extracted.exitCode()).as(extracted.output()).isZero();

        Path app = Files.createDirectories(work.resolve("app"));
        Matcher copies = COPY_LAYER.matcher(dockerfile);
        List<String> copied = new ArrayList<>();
        while (copies.find()) {
            copyInto(layers.resolve(copies.group(1)), app);
            copied.add(copies.group(1));
        }
        assertThat(copied)
                .as("every layer the extraction made is copied")
                .containsExactlyInAnyOrderElementsOf(listNames(layers));

        String entrypoint = String.join(
                " ",
                Stream.of(find(ENTRYPOINT, dockerfile).split(","))
                        .map(word -> word.strip().replace("\"", ""))
                        .map(word -> word.equals("java") ? javaCommand() : word)
                        .toList());
        ScriptRun started = ScriptRun.of(
                script("cd " + app + " && exec " + entrypoint),
                Map.of("JAVA_TOOL_OPTIONS", find(TOOL_OPTIONS, dockerfile), "HOME", work.toString()));

        assertThat(started.output())
                .contains("Picked up JAVA_TOOL_OPTIONS: -XX:MaxRAMPercentage")
                .contains("DTX_SERVICE_TOKEN) must be set to a secret");
        assertThat(started.exitCode()).isNotZero();
    }

    private Path script(String command) throws IOException {
        Path script = Files.createTempFile(work, "step", ".sh");
        Files.writeString(script, "set -euo pipefail\ncd " + ScriptRun.ROOT + "\n" + command + "\n");
        return script;
    }

    private static String find(Pattern pattern, String text) {
        Matcher matcher = pattern.matcher(text);
        assertThat(matcher.find()).as(pattern + " in " + DOCKERFILE).isTrue();
        return matcher.group(1);
    }

    private static List<String> listNames(Path dir) throws IOException {
        try (Stream<Path> children = Files.list(dir)) {
            return children.map(p -> p.getFileName().toString()).toList();
        }
    }

    private static void copyInto(Path from, Path to) throws IOException {
        try (Stream<Path> paths = Files.walk(from)) {
            paths.forEach(path -> {
                Path target = to.resolve(from.relativize(path).toString());
                try {
                    if (Files.isDirectory(path)) {
                        Files.createDirectories(target);
                    } else {
                        Files.copy(path, target, StandardCopyOption.REPLACE_EXISTING);
                    }
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        }
    }

    private static String javaCommand() {
        return ProcessHandle.current().info().command().orElse("java");
    }
}
