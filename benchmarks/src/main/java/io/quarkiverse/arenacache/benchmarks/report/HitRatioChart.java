package io.quarkiverse.arenacache.benchmarks.report;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import javax.imageio.ImageIO;

/** Draws one small hit-ratio-versus-cache-size panel per trace, one line per policy, into a PNG (headless AWT). */
final class HitRatioChart {

    private static final int PANEL_WIDTH = 320;
    private static final int PANEL_HEIGHT = 220;
    private static final int COLUMNS = 5;
    private static final int MARGIN = 36;
    /** In the order of {@code HitRatioSimulation.POLICIES}: arena-cache, Caffeine, Caffeine sized, LRU. */
    private static final Color[] COLORS = { new Color(0xD62728), new Color(0x1F77B4), new Color(0x17BECF),
            new Color(0x7F7F7F) };

    private HitRatioChart() {
    }

    /**
     * @param traces trace name to (policy name to hit ratios in capacity order); capacities in the same order
     */
    static void draw(Map<String, Map<String, List<Double>>> traces, Map<String, List<Integer>> capacities,
            List<String> policies, Path file) throws IOException {
        int rows = (traces.size() + COLUMNS - 1) / COLUMNS;
        BufferedImage image = new BufferedImage(COLUMNS * PANEL_WIDTH, rows * PANEL_HEIGHT + 30,
                BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, image.getWidth(), image.getHeight());
        g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 12));
        int legendX = 10;
        for (int p = 0; p < policies.size(); p++) {
            g.setColor(COLORS[p % COLORS.length]);
            g.fillRect(legendX, 10, 12, 12);
            g.setColor(Color.BLACK);
            g.drawString(policies.get(p), legendX + 18, 21);
            legendX += 18 + g.getFontMetrics().stringWidth(policies.get(p)) + 30; // each name as wide as it is
        }
        int index = 0;
        for (var trace : traces.entrySet()) {
            int x0 = (index % COLUMNS) * PANEL_WIDTH;
            int y0 = 30 + (index / COLUMNS) * PANEL_HEIGHT;
            panel(g, x0, y0, trace.getKey(), trace.getValue(), capacities.get(trace.getKey()), policies);
            index++;
        }
        g.dispose();
        ImageIO.write(image, "png", file.toFile());
    }

    private static void panel(Graphics2D g, int x0, int y0, String name, Map<String, List<Double>> ratios,
            List<Integer> capacities, List<String> policies) {
        int left = x0 + MARGIN;
        int right = x0 + PANEL_WIDTH - 24;
        int top = y0 + 20;
        int bottom = y0 + PANEL_HEIGHT - 28;
        g.setColor(Color.BLACK);
        g.drawString(name, left, y0 + 14);
        g.drawRect(left, top, right - left, bottom - top);
        g.setColor(Color.GRAY);
        for (int pct = 0; pct <= 100; pct += 50) {
            int y = bottom - (bottom - top) * pct / 100;
            g.drawString(pct + "%", x0 + 4, y + 4);
        }
        int n = capacities.size();
        for (int i = 0; i < n; i++) {
            int x = left + (right - left) * i / Math.max(1, n - 1);
            g.drawString(String.valueOf(capacities.get(i)), x - 10, bottom + 14);
        }
        g.setStroke(new BasicStroke(2f));
        for (int p = 0; p < policies.size(); p++) {
            List<Double> values = ratios.get(policies.get(p));
            if (values == null) {
                continue;
            }
            g.setColor(COLORS[p % COLORS.length]);
            for (int i = 1; i < values.size(); i++) {
                int xa = left + (right - left) * (i - 1) / Math.max(1, n - 1);
                int xb = left + (right - left) * i / Math.max(1, n - 1);
                int ya = bottom - (int) ((bottom - top) * values.get(i - 1));
                int yb = bottom - (int) ((bottom - top) * values.get(i));
                g.drawLine(xa, ya, xb, yb);
            }
        }
        g.setStroke(new BasicStroke(1f));
    }
}
