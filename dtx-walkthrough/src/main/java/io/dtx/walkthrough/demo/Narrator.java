package io.dtx.walkthrough.demo;

import java.io.PrintStream;
import java.util.List;
import java.util.Map;

/** Prints the story: a heading per step, the calls made, what the databases show, and a verdict. */
final class Narrator {

    private static final int MAX_BODY = 220;

    private final PrintStream out;
    private final boolean color;

    Narrator(PrintStream out, boolean color) {
        this.out = out;
        this.color = color;
    }

    void heading(int number, String title) {
        out.println();
        out.println(bold("Step " + number + " · " + title));
        out.println(bold("─".repeat(Math.min(78, 9 + title.length()))));
    }

    void explain(String text) {
        out.println("  " + text);
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

    void check(boolean held, String what) {
        out.println("  " + (held ? green("✔ ") : red("✘ ")) + what);
    }

    void table(List<String> header, List<List<String>> rows) {
        int[] widths = new int[header.size()];
        for (int i = 0; i < header.size(); i++) {
            widths[i] = header.get(i).length();
            for (List<String> row : rows) {
                widths[i] = Math.max(widths[i], row.get(i).length());
            }
        }
        out.println("  " + line(header, widths));
        out.println("  "
                + line(header.stream().map(h -> "-".repeat(h.length())).toList(), widths)
                        .replace(' ', ' '));
        rows.forEach(row -> out.println("  " + line(row, widths)));
    }

    void plain(String text) {
        out.println(text);
    }

    void summary(Map<Integer, Long> stepMillis, boolean allHeld, long totalMillis) {
        out.println();
        out.println(bold(allHeld ? green("Every step held.") : red("Some step did not hold: see ✘ above.")));
        StringBuilder times = new StringBuilder("  Step times:");
        stepMillis.forEach((step, millis) -> times.append(String.format(" %d=%.1fs", step, millis / 1000.0)));
        out.println(times + String.format("   total %.1fs", totalMillis / 1000.0));
    }

    private static String line(List<String> cells, int[] widths) {
        StringBuilder line = new StringBuilder();
        for (int i = 0; i < cells.size(); i++) {
            line.append(String.format("%-" + widths[i] + "s", cells.get(i))).append(i < cells.size() - 1 ? "  " : "");
        }
        return line.toString();
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
