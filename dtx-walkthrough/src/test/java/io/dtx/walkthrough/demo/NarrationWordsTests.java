package io.dtx.walkthrough.demo;

import static org.assertj.core.api.Assertions.assertThat;

import io.dtx.walkthrough.words.Words;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The story's two files stay in step: every sentence in both languages with the same values,
 * every key the code asks for in them, none left over; and a step told in Chinese says Chinese.
 */
class NarrationWordsTests {

    private static final Words ENGLISH = Narrator.narration(Locale.ROOT);
    private static final Words CHINESE = Narrator.narration(Locale.SIMPLIFIED_CHINESE);
    private static final Pattern PLACEHOLDER = Pattern.compile("\\{\\d+}");
    private static final Pattern LITERAL = Pattern.compile("\"([a-z][A-Za-z]*\\.[A-Za-z][\\w.-]*)\"");

    @Test
    void bothLanguagesHaveEverySentenceWithTheSameValues() {
        assertThat(new TreeSet<>(CHINESE.keys())).containsExactlyElementsOf(new TreeSet<>(ENGLISH.keys()));
        for (String key : ENGLISH.keys()) {
            assertThat(placeholders(CHINESE.text(key))).as(key).isEqualTo(placeholders(ENGLISH.text(key)));
        }
        assertThat(ENGLISH.keys()).hasSizeGreaterThanOrEqualTo(100);
    }

    @Test
    void everyKeyTheStoryAsksForExistsAndNoneIsLeftOver() throws IOException {
        Set<String> prefixes = ENGLISH.keys().stream()
                .map(key -> key.substring(0, key.indexOf('.') + 1))
                .collect(Collectors.toSet());
        Set<String> asked = new TreeSet<>();
        try (Stream<Path> sources = Files.list(Path.of("src/main/java/io/dtx/walkthrough/demo"))) {
            for (Path source : sources.toList()) {
                LITERAL.matcher(Files.readString(source))
                        .results()
                        .map(m -> m.group(1))
                        .filter(literal -> prefixes.stream().anyMatch(literal::startsWith))
                        .forEach(asked::add);
            }
        }

        assertThat(ENGLISH.keys()).containsAll(asked);
        assertThat(asked).containsAll(ENGLISH.keys());
    }

    @Test
    void aStepToldInChineseSaysChinese() {
        ByteArrayOutputStream printed = new ByteArrayOutputStream();
        Narrator say = new Narrator(new PrintStream(printed, true, StandardCharsets.UTF_8), false, CHINESE);

        say.heading(2, new HappyPath().title());
        say.explain("happy.explain.halfMessage");

        assertThat(printed.toString(StandardCharsets.UTF_8))
                .contains("第 2 步 · 充值 100.00", "半消息", "去重表")
                .doesNotContain("Recharge", "half message");
        // the underline is as wide as the heading on a terminal, where each Chinese character takes two columns
        String heading = CHINESE.text("story.heading", 2, CHINESE.text(new HappyPath().title()));
        assertThat(printed.toString(StandardCharsets.UTF_8)).contains("─".repeat(Narrator.columns(heading)) + "\n");
        assertThat(Narrator.columns("第 2 步")).isEqualTo(7);
    }

    private static Set<String> placeholders(String text) {
        return PLACEHOLDER.matcher(text).results().map(m -> m.group()).collect(Collectors.toCollection(TreeSet::new));
    }
}
