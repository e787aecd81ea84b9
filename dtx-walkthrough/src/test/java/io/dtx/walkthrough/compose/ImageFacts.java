package io.dtx.walkthrough.compose;

import io.dtx.testsupport.ScriptRun;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * One row of the table in {@code docs/compose-images.md}: what the compose file may rely on in
 * one image, for the services that run it.
 *
 * @param services       compose services running the image
 * @param image          the image with its default tag (for built services, the Dockerfile's runtime image)
 * @param runsAs         the user, e.g. {@code uid 3000 (rocketmq)} or {@code root}
 * @param writableAt     paths where a fresh named volume is writable by that user, {@code anywhere} or {@code none}
 * @param heapVariables  the variables the image's start script takes the heap from
 * @param tools          programs present in the image
 * @param configuredFrom paths the image reads configuration from, or scripts are mounted to
 */
record ImageFacts(
        List<String> services,
        String image,
        String runsAs,
        List<String> writableAt,
        List<String> heapVariables,
        List<String> tools,
        List<String> configuredFrom) {

    static final Path DOC = ScriptRun.ROOT.resolve("docs/compose-images.md");

    static List<ImageFacts> read() throws IOException {
        try (Stream<String> lines = Files.lines(DOC)) {
            return lines.filter(line -> line.startsWith("| ") && !line.startsWith("| services "))
                    .map(ImageFacts::parse)
                    .toList();
        }
    }

    boolean writableAnywhere() {
        return writableAt.contains("anywhere");
    }

    /** The numeric user id, for a {@code chown}; empty for root. */
    String uid() {
        Matcher uid = Pattern.compile("^uid (\\d+)").matcher(runsAs);
        return uid.find() ? uid.group(1) : "";
    }

    private static ImageFacts parse(String line) {
        String[] cells = line.substring(2, line.length() - 2).split(" \\| ");
        return new ImageFacts(
                list(cells[0]),
                cells[1].strip(),
                cells[2].strip(),
                list(cells[3]),
                list(cells[4]),
                list(cells[5]),
                list(cells[6]));
    }

    private static List<String> list(String cell) {
        String plain = cell.replace("`", "").strip();
        return plain.equals("-")
                ? List.of()
                : Arrays.stream(plain.split(",")).map(String::strip).toList();
    }
}
