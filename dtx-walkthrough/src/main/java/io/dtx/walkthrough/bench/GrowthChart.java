package io.dtx.walkthrough.bench;

import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

/**
 * {@code growth.png}: four panels of plain horizontal bars, each from one part of the run: CPU per
 * credited recharge by design, the backlog's drain against the steady rate, the reconciliation's
 * page near the start and deep in the history, and the largest tables per million payments.
 */
final class GrowthChart {

    private static final int WIDTH = 1100;
    private static final int PANEL_HEIGHT = 300;
    private static final int LABEL = 200;
    private static final int BAR_SPACE = 280;
    private static final Color BAR = new Color(0x2166ac);

    private GrowthChart() {}

    static BufferedImage draw(BenchReport report) {
        BufferedImage image = new BufferedImage(WIDTH, 2 * PANEL_HEIGHT, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, WIDTH, 2 * PANEL_HEIGHT);
        bars(g, 0, 0, "CPU ms per credited recharge (many accounts)", cpu(report.manyAccounts(), report.levers()));
        if (report.backlogDrain() != null) {
            BacklogDrain d = report.backlogDrain();
            bars(
                    g,
                    WIDTH / 2,
                    0,
                    "credited/s: steady vs after a backlog of " + d.payments(),
                    List.of(
                            Map.entry("steady (dtx)", d.steadyPerSecond()),
                            Map.entry("backlog drain", d.drainedPerSecond())));
        }
        if (report.ledgerHistory() != null) {
            bars(g, 0, PANEL_HEIGHT, "reconciliation ms per 200-row page, by depth", pages(report.ledgerHistory()));
        }
        if (report.tableGrowth() != null) {
            bars(g, WIDTH / 2, PANEL_HEIGHT, "MB per million payments (largest tables)", tables(report.tableGrowth()));
        }
        g.dispose();
        return image;
    }

    private static List<Map.Entry<String, Double>> pages(LedgerHistory h) {
        return List.of(page(h.near()), page(h.deep()));
    }

    private static Map.Entry<String, Double> page(ReconciliationPage p) {
        return Map.entry("row " + p.rowsBeforeCursor() + " of " + p.rowsInLedger(), p.msPerPage());
    }

    private static List<Map.Entry<String, Double>> cpu(ScenarioResult many, Levers levers) {
        List<Map.Entry<String, Double>> bars = new ArrayList<>();
        bars.add(Map.entry("naive", many.naiveCpuMsPerRecharge().total()));
        bars.add(Map.entry("dtx", many.dtxCpuMsPerRecharge().total()));
        addPublisher(bars, "outbox", many.outbox());
        addPublisher(bars, "queue first", many.queueFirst());
        addPublisher(bars, "binlog", many.binlog());
        if (levers != null) {
            bars.add(Map.entry(
                    "dtx, broker full JIT", levers.defaults().many().cpu().total()));
            bars.add(Map.entry(
                    "dtx, broker full JIT, 1 tx/msg",
                    levers.oneByOne().many().cpu().total()));
            bars.add(Map.entry(
                    "dtx, broker full JIT, pools of 4",
                    levers.smallPools().many().cpu().total()));
        }
        return bars;
    }

    private static void addPublisher(
            List<Map.Entry<String, Double>> bars, String name, ScenarioResult.PublisherRun run) {
        if (run != null && run.cpuMsPerRecharge() != null) {
            bars.add(Map.entry(name, run.cpuMsPerRecharge().total()));
        }
    }

    private static List<Map.Entry<String, Double>> tables(TableGrowth growth) {
        return growth.tables().stream()
                .sorted(Comparator.comparingDouble(TableGrowth.Table::megabytesPerMillionPayments)
                        .reversed())
                .limit(6)
                .map(t -> Map.entry(t.table(), t.megabytesPerMillionPayments()))
                .toList();
    }

    private static void bars(Graphics2D g, int x0, int y0, String title, List<Map.Entry<String, Double>> bars) {
        g.setColor(Color.BLACK);
        g.setFont(new Font(Font.SANS_SERIF, Font.BOLD, 14));
        g.drawString(title, x0 + 20, y0 + 30);
        g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 12));
        double max = bars.stream().mapToDouble(Map.Entry::getValue).max().orElse(1);
        max = max <= 0 ? 1 : max;
        int rowHeight = Math.min(40, (PANEL_HEIGHT - 70) / Math.max(1, bars.size()));
        for (int i = 0; i < bars.size(); i++) {
            int y = y0 + 50 + i * rowHeight;
            double value = bars.get(i).getValue();
            int length = (int) (value / max * BAR_SPACE);
            g.setColor(Color.BLACK);
            g.drawString(bars.get(i).getKey(), x0 + 20, y + rowHeight / 2 + 4);
            g.setColor(BAR);
            g.fillRect(x0 + 20 + LABEL, y + 4, Math.max(1, length), rowHeight - 8);
            g.setColor(Color.BLACK);
            g.drawString(
                    String.format(value >= 100 ? "%.0f" : "%.2f", value),
                    x0 + 28 + LABEL + length,
                    y + rowHeight / 2 + 4);
        }
    }
}
