package io.dtx.walkthrough.bench;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.util.List;
import java.util.function.ToDoubleFunction;

/**
 * {@code curve.png}: the concurrency curve, throughput on the left and time-to-credit p99 on the
 * right, one point per number of clients (evenly spaced: 1, 4, 16, 64 grow by four each), the knee
 * marked.
 */
final class CurveChart {

    private static final int WIDTH = 1000;
    private static final int TOP = 50;
    private static final int HEIGHT = 280;
    private static final int PANEL = 400;

    private CurveChart() {}

    static BufferedImage draw(ConcurrencyCurve curve) {
        BufferedImage image = new BufferedImage(WIDTH, 400, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, WIDTH, 400);
        panel(
                g,
                60,
                "dtx throughput (recharges/s credited) by clients",
                curve,
                ConcurrencyCurve.Point::creditedPerSecond);
        panel(g, 560, "dtx time-to-credit p99 (ms) by clients", curve, ConcurrencyCurve.Point::creditMsP99);
        g.dispose();
        return image;
    }

    private static void panel(
            Graphics2D g,
            int x0,
            String title,
            ConcurrencyCurve curve,
            ToDoubleFunction<ConcurrencyCurve.Point> value) {
        List<ConcurrencyCurve.Point> points = curve.points();
        double max = points.stream().mapToDouble(value).max().orElse(0);
        max = max <= 0 ? 1 : max * 1.15;
        g.setColor(Color.BLACK);
        g.setFont(new Font(Font.SANS_SERIF, Font.BOLD, 14));
        g.drawString(title, x0 - 20, 30);
        g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 12));
        g.drawLine(x0, TOP + HEIGHT, x0 + PANEL, TOP + HEIGHT);
        g.drawLine(x0, TOP, x0, TOP + HEIGHT);
        int step = points.size() > 1 ? PANEL / (points.size() - 1) : 0;
        int[] xs = new int[points.size()];
        int[] ys = new int[points.size()];
        for (int i = 0; i < points.size(); i++) {
            double v = value.applyAsDouble(points.get(i));
            xs[i] = x0 + i * step;
            ys[i] = TOP + HEIGHT - (int) (v / max * HEIGHT);
            boolean knee = points.get(i).clients() == curve.kneeClients();
            g.setColor(knee ? new Color(0xb2182b) : new Color(0x2166ac));
            g.fillOval(xs[i] - 5, ys[i] - 5, 10, 10);
            g.setColor(Color.BLACK);
            g.drawString(String.format(v >= 100 ? "%.0f" : "%.1f", v), xs[i] - 10, ys[i] - 10);
            g.drawString(points.get(i).clients() + (knee ? " (knee)" : ""), xs[i] - 8, TOP + HEIGHT + 18);
        }
        g.setColor(new Color(0x2166ac));
        g.setStroke(new BasicStroke(2));
        g.drawPolyline(xs, ys, points.size());
        g.setStroke(new BasicStroke(1));
        g.setColor(Color.BLACK);
        g.drawString("clients", x0 + PANEL / 2 - 20, TOP + HEIGHT + 40);
    }
}
