package io.dtx.walkthrough;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashSet;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** What the README names (paths, ports, variables, commands) must exist, or the walkthrough rots. */
class ReadmeTests {

    private static final Path ROOT = Path.of("..").toAbsolutePath().normalize();

    private final String readme = read(ROOT.resolve("README.md"));

    @Test
    void everyLinkedFileExists() {
        Matcher links = Pattern.compile("\\]\\(([^)#\\s]+)(#[^)]*)?\\)").matcher(readme);
        while (links.find()) {
            String target = links.group(1);
            if (!target.startsWith("http")) {
                assertThat(ROOT.resolve(target)).as("README links to " + target).exists();
            }
        }
    }

    @Test
    void portsAreTheConfiguredDefaults() {
        assertThat(read(ROOT.resolve("dtx-pay-service/src/main/resources/application.yml")))
                .contains("${PAY_PORT:56082}");
        assertThat(read(ROOT.resolve("dtx-account-service/src/main/resources/application.yml")))
                .contains("${ACCOUNT_PORT:56081}");
        assertThat(readme).contains("56082").contains("56081");
    }

    @Test
    void everyDocumentedVariableIsReadSomewhere() throws IOException {
        String sources = allSources();
        Set<String> variables = new LinkedHashSet<>();
        Matcher names = Pattern.compile("`([A-Z][A-Z0-9]*_[A-Z0-9_]+)`").matcher(readme);
        while (names.find()) {
            variables.add(names.group(1));
        }
        assertThat(variables).isNotEmpty();
        for (String variable : variables) {
            assertThat(sources)
                    .as("README documents " + variable + " but nothing reads it")
                    .contains(variable);
        }
    }

    @Test
    void everyDtxCommandTheReadmeUsesExists() {
        String script = read(ROOT.resolve("dtx"));
        Matcher commands = Pattern.compile("\\./dtx ([a-z]+)").matcher(readme);
        while (commands.find()) {
            assertThat(script).as("./dtx " + commands.group(1)).containsPattern("\\b" + commands.group(1) + "\\b[|)]");
        }
    }

    @Test
    void ciRunsTheTestCommandTheReadmeGives() {
        assertThat(readme).contains("./mvnw -B verify");
        assertThat(read(ROOT.resolve(".ci/run"))).contains("./mvnw -B verify");
    }

    private static String allSources() throws IOException {
        try (Stream<Path> files = Files.walk(ROOT)) {
            return files.filter(Files::isRegularFile)
                    .filter(p -> !p.toString().contains("/target/")
                            && !p.toString().contains("/.dtx/")
                            && !p.toString().contains("/.git/"))
                    .filter(p -> p.toString().matches(".*(\\.java|\\.yml|\\.conf)$")
                            || p.getFileName().toString().equals("dtx")
                            || p.getFileName().toString().equals("mvnw"))
                    .map(ReadmeTests::read)
                    .collect(Collectors.joining("\n"));
        }
    }

    private static String read(Path path) {
        try {
            return Files.readString(path);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
