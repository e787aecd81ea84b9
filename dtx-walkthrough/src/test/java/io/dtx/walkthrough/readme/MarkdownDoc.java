package io.dtx.walkthrough.readme;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A Markdown file taken apart the way the parity test compares it: headings (level, text, GitHub
 * anchor), fenced code blocks, inline code spans, links and images, and the prose with code taken
 * out. An optional block between {@code <!-- glossary -->} and {@code <!-- /glossary -->} is kept
 * out of the inline code and the links: the translation's glossary names classes the English does not.
 */
record MarkdownDoc(
        Path file,
        List<Heading> headings,
        List<String> codeBlocks,
        Set<String> inlineCode,
        List<String> links,
        String prose) {

    /** A heading: {@code level} 1 for {@code #}; {@code anchor} as GitHub makes it. */
    record Heading(int level, String text, String anchor) {}

    private static final Pattern HEADING = Pattern.compile("^(#{1,6}) (.+)$");
    private static final Pattern INLINE_CODE = Pattern.compile("`([^`\\n]+)`");
    private static final Pattern LINK =
            Pattern.compile("!?\\[(?:[^\\[\\]]|\\[[^\\]]*\\])*\\]\\(([^)\\s]+)\\)|<(https?://[^>\\s]+)>");
    private static final Pattern GLOSSARY = Pattern.compile("(?s)<!-- glossary -->.*?<!-- /glossary -->");

    static MarkdownDoc read(Path file) {
        String text;
        try {
            text = Files.readString(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        List<String> codeBlocks = new ArrayList<>();
        List<Heading> headings = new ArrayList<>();
        String outsideFences = split(text, codeBlocks, headings);
        String body = GLOSSARY.matcher(outsideFences).replaceAll("");
        Set<String> inlineCode = new TreeSet<>();
        INLINE_CODE.matcher(body).results().forEach(m -> inlineCode.add(m.group(1)));
        String withoutCode = INLINE_CODE.matcher(body).replaceAll(" ");
        List<String> links = new ArrayList<>();
        LINK.matcher(withoutCode).results().forEach(m -> links.add(m.group(1) != null ? m.group(1) : m.group(2)));
        return new MarkdownDoc(file, headings, codeBlocks, inlineCode, links, withoutCode);
    }

    /** Fills in the fenced blocks and the headings; returns the text outside the fences. */
    private static String split(String text, List<String> codeBlocks, List<Heading> headings) {
        StringBuilder outsideFences = new StringBuilder();
        Map<String, Integer> seenAnchors = new HashMap<>();
        StringBuilder block = null;
        for (String line : text.split("\n", -1)) {
            if (line.startsWith("```")) {
                if (block == null) {
                    block = new StringBuilder(line).append('\n');
                } else {
                    codeBlocks.add(block.append(line).toString());
                    block = null;
                }
            } else if (block != null) {
                block.append(line).append('\n');
            } else {
                Matcher heading = HEADING.matcher(line);
                if (heading.matches()) {
                    headings.add(new Heading(
                            heading.group(1).length(), heading.group(2), anchor(heading.group(2), seenAnchors)));
                }
                outsideFences.append(line).append('\n');
            }
        }
        return outsideFences.toString();
    }

    /** The index of the heading an in-page anchor names, or -1. */
    int headingIndex(String anchor) {
        for (int i = 0; i < headings.size(); i++) {
            if (headings.get(i).anchor().equals(anchor)) {
                return i;
            }
        }
        return -1;
    }

    /**
     * GitHub's rule: the heading's text without its Markdown, lower case, every character that is
     * not a letter (of any script), a digit, a space, a hyphen or an underscore dropped, spaces
     * made hyphens; a repeated anchor gets {@code -1}, {@code -2}, ...
     */
    static String anchor(String heading, Map<String, Integer> seen) {
        String plain = heading.replaceAll("\\[([^\\]]*)\\]\\([^)]*\\)", "$1").replace("`", "");
        String anchor = plain.toLowerCase(Locale.ROOT)
                .replaceAll("[^\\p{L}\\p{N}\\p{M} _-]", "")
                .replace(' ', '-');
        int count = seen.merge(anchor, 1, Integer::sum);
        return count == 1 ? anchor : anchor + "-" + (count - 1);
    }
}
