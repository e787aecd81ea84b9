package io.dtx.walkthrough.demo;

import io.dtx.walkthrough.words.Words;
import java.io.PrintStream;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Prints the story: a heading per step, the calls made, what the databases show, and a verdict.
 * What it says comes from {@link Words} by key, in the language chosen; calls, rows and replies
 * are shown as they are.
 */
final class Narrator {

    private static final int MAX_BODY = 220;

    private final PrintStream out;
    private final boolean color;
    private final Words words;

    Narrator(PrintStream out, boolean color) {
        this(out, color, narration(Locale.ROOT));
    }

    /** The story's sentences in {@code language}: {@code demo/narration*.properties}. */
    static Words narration(Locale language) {
        return Words.in("demo/narration", language);
    }

    Narrator(PrintStream out, boolean color, Words words) {
        this.out = out;
        this.color = color;
        this.words = words;
    }

    Words words() {
        return words;
    }

    void heading(int number, String titleKey) {
        String heading = words.text("story.heading", number, words.text(titleKey));
        out.println();
        out.println(bold(heading));
        out.println(bold("─".repeat(Math.min(78, columns(heading)))));
    }

    /** The sentence {@code key}, each of its lines indented. */
    void explain(String key, Object... values) {
        for (String line : words.text(key, values).split("\n")) {
            out.println("  " + line);
        }
    }

    /** A sentence printed flush left (start-up and stop lines). */
    void say(String key, Object... values) {
        out.println(words.text(key, values));
    }

    void request(String line) {
        out.println("  " + dim("→ " + line));
    }

    void response(int status, String body) {
        String shown = body.length() > MAX_BODY ? body.substring(0, MAX_BODY) + "…" : body;
        out.println("  " + dim("← " + (status < 0 ? "" : status + " ") + shown));
    }

    void db(String line) {
        out.println("  " + dim("db: ") + line);
    }

    /** A check's verdict; {@code what} is already in words (see {@link Scene#check}). */
    void check(boolean held, String what) {
        out.println("  " + (held ? green("✔ ") : red("✘ ")) + what);
    }

    void table(List<String> header, List<List<String>> rows) {
        int[] widths = new int[header.size()];
        for (int i = 0; i < header.size(); i++) {
            widths[i] = columns(header.get(i));
            for (List<String> row : rows) {
                widths[i] = Math.max(widths[i], columns(row.get(i)));
            }
        }
        out.println("  " + line(header, widths));
        out.println("  "
                + line(header.stream().map(h -> "-".repeat(columns(h))).toList(), widths)
                        .replace(' ', ' '));
        rows.forEach(row -> out.println("  " + line(row, widths)));
    }

    void plain(String text) {
        out.println(text);
    }

    void summary(Map<Integer, Long> stepMillis, boolean allHeld, long totalMillis) {
        out.println();
        out.println(bold(allHeld ? green(words.text("story.allHeld")) : red(words.text("story.notAllHeld"))));
        StringBuilder times = new StringBuilder("  " + words.text("story.stepTimes"));
        stepMillis.forEach((step, millis) -> times.append(String.format(" %d=%.1fs", step, millis / 1000.0)));
        out.println(times + "   " + words.text("story.total", String.format("%.1fs", totalMillis / 1000.0)));
    }

    private static String line(List<String> cells, int[] widths) {
        StringBuilder line = new StringBuilder();
        for (int i = 0; i < cells.size(); i++) {
            String cell = cells.get(i);
            line.append(cell).append(" ".repeat(widths[i] - columns(cell))).append(i < cells.size() - 1 ? "  " : "");
        }
        return line.toString();
    }

    /** Columns on a terminal: a Chinese character (or full-width sign) takes two. */
    static int columns(String text) {
        return text.codePoints().map(c -> c >= 0x2E80 ? 2 : 1).sum();
    }

    private String bold(String s) {
        return color ? "\u001b[1m" + s + "\u001b[0m" : s;
    }

    private String dim(String s) {
        return color ? "\u001b[2m" + s + "\u001b[0m" : s;
    }

    private String green(String s) {
        return color ? "\u001b[32m" + s + "\u001b[0m" : s;
    }

    private String red(String s) {
        return color ? "\u001b[31m" + s + "\u001b[0m" : s;
    }
}
