package org.attentionatlas.reports.figures;

import org.attentionatlas.engine.stats.HeadStat;
import org.attentionatlas.reports.data.HeadGroup;
import org.attentionatlas.reports.render.Caption;
import org.attentionatlas.reports.render.Charts;
import org.attentionatlas.reports.render.ColorScale;
import org.attentionatlas.reports.render.Figure;
import org.attentionatlas.reports.render.HotSpot;
import org.attentionatlas.reports.render.Numbers;

import java.awt.Color;
import java.awt.FontMetrics;
import java.awt.Graphics2D;
import java.util.ArrayList;
import java.util.List;

/**
 * Small multiples: every statistic of one group as a small layer × head grid, side by side. The statistics that are
 * a share of a query's attention (the {@code *_mass} columns and max_weight_mean) share one colour scale, drawn once
 * at the bottom; the others (entropy in nats, normalised entropy, distance in tokens) each get their own bar. Hover a
 * cell for its value ± standard error.
 */
public final class StatisticPanels implements Figure {

    static final int PER_ROW = 5;
    private static final int GAP = 14;
    private static final int TITLE = 16;
    private static final int BAR = 22;
    private static final int MARGIN = 8;

    private final HeadGroup group;
    private final List<HeadStat> stats;
    private final Caption caption;
    private final String title;
    private final int cell;
    private final ColorScale shared;

    public StatisticPanels(HeadGroup group, Caption caption, String title) {
        this.group = group;
        this.stats = new ArrayList<>();
        for (HeadStat s : HeadStat.values()) {
            if (group.stat(s) != null) {
                stats.add(s);
            }
        }
        if (stats.isEmpty()) {
            throw new IllegalArgumentException("no statistic to draw for " + group.label());
        }
        this.caption = caption;
        this.title = title;
        this.cell = Math.max(3, Math.min(10, 132 / Math.max(group.heads(), group.layers())));
        List<double[]> rows = new ArrayList<>();
        for (HeadStat s : stats) {
            if (isShare(s)) {
                rows.addAll(List.of(group.stat(s)));
            }
        }
        double max = 0;
        for (double[] r : rows) {
            for (double v : r) {
                if (Double.isFinite(v)) {
                    max = Math.max(max, v);
                }
            }
        }
        this.shared = ColorScale.sequential(0, max > 0 ? max : 1);
    }

    /** Shares of attention (0–1) share a scale; the rest have units of their own. */
    public static boolean isShare(HeadStat s) {
        return s.column().endsWith("_mass") || s == HeadStat.MAX_WEIGHT;
    }

    private int panelWidth() {
        return Math.max(110, 22 + group.heads() * cell);
    }

    private int panelHeight() {
        return TITLE + group.layers() * cell + 6 + BAR;
    }

    private int rows() {
        return (stats.size() + PER_ROW - 1) / PER_ROW;
    }

    @Override
    public int width() {
        return 2 * MARGIN + Math.min(PER_ROW, stats.size()) * (panelWidth() + GAP);
    }

    @Override
    public int height() {
        return 2 * MARGIN + rows() * (panelHeight() + GAP) + BAR + 10;
    }

    @Override
    public Caption caption() {
        return caption;
    }

    @Override
    public String title() {
        return title;
    }

    @Override
    public List<HotSpot> draw(Graphics2D g) {
        List<HotSpot> spots = new ArrayList<>();
        g.setFont(Charts.TICK);
        FontMetrics fm = g.getFontMetrics();
        for (int i = 0; i < stats.size(); i++) {
            HeadStat s = stats.get(i);
            int x0 = MARGIN + (i % PER_ROW) * (panelWidth() + GAP);
            int y0 = MARGIN + (i / PER_ROW) * (panelHeight() + GAP);
            double[][] v = group.stat(s);
            ColorScale scale = isShare(s) ? shared : ColorScale.sequential(v);
            g.setColor(Color.BLACK);
            g.setFont(Charts.LABEL);
            g.drawString(s.column(), x0, y0 + 12);
            g.setFont(Charts.TICK);
            int gx = x0 + 20;
            int gy = y0 + TITLE;
            for (int l = 0; l < group.layers(); l++) {
                for (int h = 0; h < group.heads(); h++) {
                    g.setColor(scale.color(v[l][h]));
                    g.fillRect(gx + h * cell, gy + l * cell, cell, cell);
                    spots.add(new HotSpot("rect", (gx + h * cell) + "," + (gy + l * cell) + "," + (gx + (h + 1) * cell)
                            + "," + (gy + (l + 1) * cell), "L" + l + " H" + h + " " + s.column() + " = "
                            + Numbers.withError(v[l][h], group.error(s, l, h), " ± ")));
                }
            }
            g.setColor(Color.DARK_GRAY);
            g.drawString("L0", x0, gy + cell);
            String last = "L" + (group.layers() - 1);
            g.drawString(last, x0, gy + group.layers() * cell);
            if (!isShare(s)) {
                bar(g, fm, scale, gx, gy + group.layers() * cell + 4, group.heads() * cell);
            }
        }
        int by = height() - MARGIN - BAR;
        g.setColor(Color.BLACK);
        g.drawString("share of attention (every *_mass panel and max_weight_mean):", MARGIN, by + 8);
        bar(g, fm, shared, MARGIN + fm.stringWidth("share of attention (every *_mass panel and max_weight_mean):")
                + 8, by, 160);
        return spots;
    }

    /** A horizontal colour bar with its lower and upper bound printed under its ends. */
    private static void bar(Graphics2D g, FontMetrics fm, ColorScale scale, int x, int y, int width) {
        int w = Math.max(60, width);
        for (int i = 0; i < w; i++) {
            g.setColor(scale.color(scale.getLowerBound() + (scale.getUpperBound() - scale.getLowerBound()) * i / (w - 1)));
            g.fillRect(x + i, y, 1, 7);
        }
        g.setColor(Color.DARK_GRAY);
        String lo = Heatmap.number(scale.getLowerBound());
        String hi = Heatmap.number(scale.getUpperBound());
        g.drawString(lo, x, y + 8 + fm.getAscent());
        g.drawString(hi, x + w - fm.stringWidth(hi), y + 8 + fm.getAscent());
    }
}
