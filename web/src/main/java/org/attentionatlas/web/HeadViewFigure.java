package org.attentionatlas.web;

import org.attentionatlas.reports.render.Charts;
import org.attentionatlas.reports.render.HotSpot;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.FontMetrics;
import java.awt.Graphics2D;
import java.awt.geom.Line2D;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/** The bertviz-style head view for export: query tokens left, key tokens right, one line per weight above threshold. */
public final class HeadViewFigure extends TitledFigure {

    private static final int ROW = 16;
    private static final int TOP = 40;
    private static final int LABEL = 150;
    private static final int GAP = 220;
    private static final Color LINE = new Color(0x1F4E9A);

    private final String[] labels;
    private final float[][] weights;
    private final double threshold;
    private final int maxLines;

    public HeadViewFigure(String title, String[] labels, float[][] weights, double threshold, int maxLines) {
        super(title);
        this.labels = labels.clone();
        this.weights = weights;
        this.threshold = threshold;
        this.maxLines = maxLines;
    }

    @Override
    public int width() {
        return 2 * LABEL + GAP + 20;
    }

    @Override
    public int height() {
        return TOP + labels.length * ROW + 20;
    }

    @Override
    public List<HotSpot> draw(Graphics2D g) {
        drawTitle(g);
        List<float[]> lines = new ArrayList<>();
        for (int q = 0; q < weights.length; q++) {
            for (int k = 0; k < weights[q].length; k++) {
                if (weights[q][k] > 0 && weights[q][k] >= threshold) {
                    lines.add(new float[] {q, k, weights[q][k]});
                }
            }
        }
        lines.sort(Comparator.comparingDouble((float[] e) -> e[2]).reversed());
        List<float[]> kept = new ArrayList<>(lines.subList(0, Math.min(lines.size(), maxLines)));
        kept.sort(Comparator.comparingDouble(e -> e[2]));
        double x0 = 10 + LABEL;
        double x1 = x0 + GAP;
        for (float[] e : kept) {
            float w = Math.min(1f, e[2]);
            g.setColor(new Color(LINE.getRed(), LINE.getGreen(), LINE.getBlue(), Math.round(25 + 230 * w)));
            g.setStroke(new BasicStroke(0.5f + 2.5f * w));
            g.draw(new Line2D.Double(x0 + 4, y((int) e[0]), x1 - 4, y((int) e[1])));
        }
        g.setColor(Color.BLACK);
        g.setFont(Charts.LABEL);
        FontMetrics fm = g.getFontMetrics();
        for (int i = 0; i < labels.length; i++) {
            String t = labels[i].length() > 20 ? labels[i].substring(0, 19) + "…" : labels[i];
            float baseline = (float) y(i) + fm.getAscent() / 2f - 1;
            g.drawString(t, (float) (x0 - 6 - fm.stringWidth(t)), baseline);
            g.drawString(t, (float) (x1 + 6), baseline);
        }
        return List.of();
    }

    private double y(int i) {
        return TOP + (i + 0.5) * ROW;
    }
}
