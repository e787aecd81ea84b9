package io.dtx.walkthrough;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The README's code map sends a newcomer to a file and a method for each idea; a rename must not
 * leave it pointing at nothing. Every row's file must exist and declare the class and the method.
 */
class CodeMapTests {

    private static final Path ROOT = Path.of("..").toAbsolutePath().normalize();
    private static final Pattern ROW = Pattern.compile("\\| \\[`(\\w+)\\.(\\w+)`\\]\\(([^)]+)\\) \\|");

    @Test
    void everyRowNamesAFileThatDeclaresItsClassAndMethod() {
        String map = codeMap();
        Matcher rows = ROW.matcher(map);
        int checked = 0;
        while (rows.find()) {
            String type = rows.group(1);
            String method = rows.group(2);
            Path file = ROOT.resolve(rows.group(3));
            assertThat(file).as("code map row " + type + "." + method).exists();
            String source = read(file);
            assertThat(source)
                    .as(file + " declares " + type)
                    .containsPattern("(class|interface|record) " + type + "\\b");
            assertThat(source).as(file + " declares " + method).containsPattern("\\b" + method + "\\(");
            checked++;
        }
        assertThat(checked).as("rows in the code map").isGreaterThanOrEqualTo(12);
    }

    @Test
    void theMapCoversWhatThisProjectExistsToShow() {
        assertThat(codeMap().toLowerCase())
                .contains(
                        "half message",
                        "local transaction",
                        "check-back",
                        "tombstone",
                        "dedup",
                        "pull",
                        "reconciliation",
                        "cursor",
                        "poison");
    }

    private static String codeMap() {
        String readme = read(ROOT.resolve("README.md"));
        int start = readme.indexOf("## Code map");
        assertThat(start).as("README has a Code map section").isNotNegative();
        int end = readme.indexOf("\n## ", start + 1);
        return readme.substring(start, end);
    }

    private static String read(Path path) {
        try {
            return Files.readString(path);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
