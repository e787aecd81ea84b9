package io.dtx.walkthrough.console;

import static org.assertj.core.api.Assertions.assertThat;

import io.dtx.walkthrough.words.Words;
import java.io.IOException;
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
 * The console's page in each language has every sentence the page, its script and the Java side
 * ask for, with the same values in each language; and the Chinese names every journey milestone
 * the services know (English shows the services' own labels, so a new milestone is never blank).
 */
class ConsoleWordsTests {

    private static final Path ROOT = Path.of("..").toAbsolutePath().normalize();
    private static final Words ENGLISH = Words.in(Console.WORDS, Locale.ROOT);
    private static final Words CHINESE = Words.in(Console.WORDS, Locale.SIMPLIFIED_CHINESE);
    private static final Pattern PLACEHOLDER = Pattern.compile("\\{\\d+}");

    @Test
    void bothLanguagesHaveTheSameSentencesWithTheSameValues() {
        Set<String> chinese = new TreeSet<>(CHINESE.keys());
        chinese.removeIf(key -> key.startsWith("milestone."));
        assertThat(chinese).containsExactlyElementsOf(new TreeSet<>(ENGLISH.keys()));
        for (String key : ENGLISH.keys()) {
            assertThat(placeholders(CHINESE.text(key))).as(key).isEqualTo(placeholders(ENGLISH.text(key)));
        }
        assertThat(CHINESE.languageTag()).isEqualTo("zh-CN");
        assertThat(ENGLISH.languageTag()).isEqualTo("en");
    }

    @Test
    void theChineseNamesEveryMilestoneTheServicesKnow() throws IOException {
        String milestones = Files.readString(ROOT.resolve("dtx-web/src/main/java/io/dtx/web/journey/Milestone.java"));
        Set<String> known = Pattern.compile("(?m)^    ([A-Z_]+)\\(")
                .matcher(milestones)
                .results()
                .map(m -> "milestone." + m.group(1))
                .collect(Collectors.toCollection(TreeSet::new));
        Set<String> named = CHINESE.keys().stream()
                .filter(key -> key.startsWith("milestone."))
                .collect(Collectors.toCollection(TreeSet::new));

        assertThat(known).hasSizeGreaterThanOrEqualTo(15);
        assertThat(named).containsExactlyElementsOf(known);
    }

    @Test
    void everySentenceThePageTheScriptAndTheJavaSideAskForExists() throws IOException {
        Path resources = ROOT.resolve("dtx-walkthrough/src/main/resources/console");
        Set<String> asked = new TreeSet<>();
        asked.addAll(found("data-(?:text|hint|label)=\"([^\"]+)\"", Files.readString(resources.resolve("index.html"))));
        asked.addAll(found("\\bt\\('([a-z][\\w.-]*)'\\s*[,)]", Files.readString(resources.resolve("console.js"))));
        try (Stream<Path> sources =
                Files.list(ROOT.resolve("dtx-walkthrough/src/main/java/io/dtx/walkthrough/console"))) {
            for (Path source : sources.toList()) {
                asked.addAll(found("words\\.text\\(\\s*\"([^\"]+)\"", Files.readString(source)));
            }
        }

        // asked for by a computed key: t('state.' + journey.state ...), t(... 'process.running' : 'process.stopped')
        asked.addAll(
                Set.of("state.credited", "state.in-flight", "state.refused", "process.running", "process.stopped"));

        assertThat(asked).hasSizeGreaterThanOrEqualTo(40);
        assertThat(ENGLISH.keys()).containsAll(asked);
    }

    private static Set<String> placeholders(String text) {
        return PLACEHOLDER.matcher(text).results().map(m -> m.group()).collect(Collectors.toCollection(TreeSet::new));
    }

    private static Set<String> found(String regex, String text) {
        return Pattern.compile(regex)
                .matcher(text)
                .results()
                .map(m -> m.group(1))
                .collect(Collectors.toSet());
    }
}
