package io.dtx.walkthrough.readme;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * README.zh-CN.md is README.md in Chinese and must not drift from it. Decided mechanically, never
 * by the words (those are the translator's): the same headings at the same levels in the same
 * order; the same fenced code blocks, byte for byte; the same inline code (commands, ports,
 * variables, tables); the same links in the same order, an in-page anchor compared by the heading
 * it leads to, and every one resolving; the same four- and five-digit numbers and UPPER_CASE names
 * in the prose. A change to one README that is not made to the other fails here.
 */
class ReadmeParityTests {

    private static final Path ROOT = Path.of("..").toAbsolutePath().normalize();
    private static final MarkdownDoc EN = MarkdownDoc.read(ROOT.resolve("README.md"));
    private static final MarkdownDoc ZH = MarkdownDoc.read(ROOT.resolve("README.zh-CN.md"));
    /** Each README's link to the other: the one link they do not share. */
    private static final Set<String> LANGUAGE_LINKS = Set.of("README.md", "README.zh-CN.md");

    private static final Pattern NUMBER = Pattern.compile("\\b\\d{4,5}\\b");
    private static final Pattern UPPER_NAME = Pattern.compile("\\b[A-Z][A-Z0-9]*(?:_[A-Z0-9]+)+\\b");

    @Test
    void eachLinksToTheOtherAtTheTop() {
        assertThat(EN.prose().lines().limit(4)).anyMatch(line -> line.contains("](README.zh-CN.md)"));
        assertThat(ZH.prose().lines().limit(4)).anyMatch(line -> line.contains("](README.md)"));
    }

    @Test
    void theSameSectionsInTheSameOrder() {
        assertThat(ZH.headings().stream().map(MarkdownDoc.Heading::level).toList())
                .as("heading levels, in order")
                .containsExactlyElementsOf(
                        EN.headings().stream().map(MarkdownDoc.Heading::level).toList());
        assertThat(EN.headings()).hasSizeGreaterThanOrEqualTo(15);
    }

    @Test
    void theSameCodeBlocksByteForByte() {
        assertThat(ZH.codeBlocks()).containsExactlyElementsOf(EN.codeBlocks());
        assertThat(EN.codeBlocks()).isNotEmpty();
    }

    @Test
    void theSameInlineCode() {
        assertThat(ZH.inlineCode()).containsExactlyElementsOf(EN.inlineCode());
    }

    @Test
    void theSameLinksInTheSameOrderEachResolving() {
        assertThat(comparable(ZH)).containsExactlyElementsOf(comparable(EN));
        for (MarkdownDoc doc : List.of(EN, ZH)) {
            for (String link : doc.links()) {
                assertThat(resolves(doc, link))
                        .as(doc.file().getFileName() + ": " + link)
                        .isTrue();
            }
        }
    }

    @Test
    void theSamePortsFiguresAndVariablesInTheProse() {
        assertThat(found(NUMBER, ZH)).containsExactlyElementsOf(found(NUMBER, EN));
        assertThat(found(UPPER_NAME, ZH)).containsExactlyElementsOf(found(UPPER_NAME, EN));
    }

    /** The links, an in-page anchor replaced by the position of the heading it leads to. */
    private static List<String> comparable(MarkdownDoc doc) {
        List<String> links = new ArrayList<>();
        for (String link : doc.links()) {
            if (LANGUAGE_LINKS.contains(link)) {
                continue;
            }
            links.add(link.startsWith("#") ? "heading " + doc.headingIndex(link.substring(1)) : link);
        }
        return links;
    }

    private static boolean resolves(MarkdownDoc doc, String link) {
        if (link.startsWith("http://") || link.startsWith("https://")) {
            return true; // no internet here: an address is compared, not fetched
        }
        if (link.startsWith("#")) {
            return doc.headingIndex(link.substring(1)) >= 0;
        }
        int hash = link.indexOf('#');
        Path target = ROOT.resolve(hash < 0 ? link : link.substring(0, hash));
        if (!Files.exists(target)) {
            return false;
        }
        return hash < 0 || MarkdownDoc.read(target).headingIndex(link.substring(hash + 1)) >= 0;
    }

    private static Set<String> found(Pattern pattern, MarkdownDoc doc) {
        Set<String> found = new TreeSet<>();
        pattern.matcher(doc.prose()).results().forEach(m -> found.add(m.group()));
        return found;
    }
}
