package io.dtx.walkthrough.bench;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.util.List;
import java.util.function.ToDoubleFunction;

/** {@code latest.png}: throughput and time-to-credit of both scenarios, as bars. */
final class Chart {

    /** One bar of each scenario's group: its label, and the value it shows. */
    private record Bar(String label, ToDoubleFunction<ScenarioResult> value) {}

    private static final Color[] COLORS = {new Color(0x9e9e9e), new Color(0xef8a62), new Color(0x2166ac)};
    private static final List<String> SCENARIOS = List.of("many_accounts", "hot_account");
    private static final int TOP = 50;
    private static final int HEIGHT = 300;
    private static final int BAR = 40;

    private Chart() {}

    static BufferedImage draw(BenchReport report) {
        BufferedImage image = new BufferedImage(1000, 420, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, 1000, 420);
        g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 12));
        List<ScenarioResult> results = List.of(report.manyAccounts(), report.hotAccount());
        panel(
                g,
                40,
                "Throughput (recharges/s credited)",
                results,
                List.of(
                        new Bar("ceiling", r -> r.throughput().ceilingTps()),
                        new Bar("naive", r -> r.throughput().naiveTps()),
                        new Bar("dtx", r -> r.throughput().dtxTps())));
        panel(
                g,
                540,
                "dtx time-to-credit at half load (ms)",
                results,
                List.of(
                        new Bar("p50", r -> r.latency().dtxCreditMsP50()),
                        new Bar("p95", r -> r.latency().dtxCreditMsP95()),
                        new Bar("p99", r -> r.latency().dtxCreditMsP99())));
        g.dispose();
        return image;
    }

    private static void panel(Graphics2D g, int x0, String title, List<ScenarioResult> results, List<Bar> bars) {
        double max = results.stream()
                .flatMapToDouble(r -> bars.stream().mapToDouble(b -> b.value().applyAsDouble(r)))
                .max()
                .orElse(0);
        max = max <= 0 ? 1 : max * 1.1;
        g.setColor(Color.BLACK);
        g.setFont(new Font(Font.SANS_SERIF, Font.BOLD, 14));
        g.drawString(title, x0, 30);
        g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 12));
        g.setStroke(new BasicStroke(1));
        g.drawLine(x0, TOP + HEIGHT, x0 + 420, TOP + HEIGHT);
        for (int s = 0; s < results.size(); s++) {
            int groupX = x0 + 20 + s * 210;
            for (int k = 0; k < bars.size(); k++) {
                double value = bars.get(k).value().applyAsDouble(results.get(s));
                int h = (int) (value / max * HEIGHT);
                int x = groupX + k * (BAR + 10);
                g.setColor(COLORS[k]);
                g.fillRect(x, TOP + HEIGHT - h, BAR, h);
                g.setColor(Color.BLACK);
                g.drawString(String.format(value >= 100 ? "%.0f" : "%.1f", value), x, TOP + HEIGHT - h - 4);
                g.drawString(bars.get(k).label(), x + 4, TOP + HEIGHT + 15);
            }
            g.drawString(SCENARIOS.get(s), groupX + 30, TOP + HEIGHT + 35);
        }
    }
}
