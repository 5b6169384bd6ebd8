package org.attentionatlas.reports.figures;

import org.attentionatlas.reports.render.Caption;
import org.attentionatlas.reports.render.Charts;
import org.attentionatlas.reports.render.Figure;
import org.attentionatlas.reports.render.HotSpot;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.FontMetrics;
import java.awt.Graphics2D;
import java.awt.geom.AffineTransform;
import java.awt.geom.Ellipse2D;
import java.awt.geom.Line2D;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * The layered attention graph drawn with Java2D: one row of token nodes per layer (input embeddings at the bottom,
 * the last layer on top) and an edge from (l−1, k) to (l, q) for each weight [l−1][q][k], darker and thicker the
 * larger it is. Edges below {@code threshold} × the largest weight are dropped, and at most {@code maxEdgesPerLayer}
 * of the heaviest are kept per layer, so that long texts stay legible.
 */
public final class FlowDiagram implements Figure {

    private static final int ROW = 46;
    private static final int LEFT = 74;
    private static final int RIGHT = 24;
    private static final int TOP = 34;
    private static final Color EDGE = new Color(0x1F4E9A);

    private final String title;
    private final String[] tokens;
    private final double[][][] weights;
    private final double threshold;
    private final int maxEdgesPerLayer;
    private final Caption caption;
    private final int column;
    private final int labelSpace;

    public FlowDiagram(String title, String[] tokens, double[][][] weights, double threshold, int maxEdgesPerLayer,
                       Caption caption) {
        if (weights.length == 0 || weights[0].length != tokens.length) {
            throw new IllegalArgumentException("need [layer][query][key] weights over " + tokens.length + " tokens");
        }
        this.title = title;
        this.tokens = tokens.clone();
        this.weights = weights;
        this.threshold = threshold;
        this.maxEdgesPerLayer = maxEdgesPerLayer;
        this.caption = caption;
        this.column = tokens.length > 60 ? 12 : tokens.length > 24 ? 18 : 40;
        int longest = 1;
        for (String t : tokens) {
            longest = Math.max(longest, Math.min(16, t.length()));
        }
        this.labelSpace = 12 + longest * 7;
    }

    @Override
    public int width() {
        return Math.max(420, LEFT + RIGHT + tokens.length * column);
    }

    private int graphBottom() {
        return TOP + labelSpace + weights.length * ROW;
    }

    @Override
    public int height() {
        return graphBottom() + labelSpace;
    }

    @Override
    public Caption caption() {
        return caption;
    }

    @Override
    public String title() {
        return title;
    }

    private double x(int token) {
        return LEFT + (token + 0.5) * column;
    }

    private double y(int layer) {
        return graphBottom() - layer * ROW;
    }

    @Override
    public List<HotSpot> draw(Graphics2D g) {
        int n = tokens.length;
        g.setColor(Color.BLACK);
        g.setFont(Charts.TITLE);
        g.drawString(title, 8, 20);
        double max = 0;
        for (double[][] layer : weights) {
            for (double[] row : layer) {
                for (double w : row) {
                    max = Math.max(max, w);
                }
            }
        }
        g.setFont(Charts.TICK);
        FontMetrics fm = g.getFontMetrics();
        for (int l = 0; l <= weights.length; l++) {
            g.setColor(Color.GRAY);
            String label = l == 0 ? "input" : "layer " + l;
            g.drawString(label, LEFT - 8 - fm.stringWidth(label), (float) y(l) + fm.getAscent() / 2f);
        }
        for (int l = 0; l < weights.length && max > 0; l++) {
            for (double[] e : heaviest(weights[l], max)) {
                int q = (int) e[0];
                int k = (int) e[1];
                double f = e[2] / max;
                g.setColor(new Color(EDGE.getRed(), EDGE.getGreen(), EDGE.getBlue(), (int) Math.round(40 + 215 * f)));
                g.setStroke(new BasicStroke((float) (0.4 + 2.6 * f), BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND));
                g.draw(new Line2D.Double(x(k), y(l), x(q), y(l + 1)));
            }
        }
        List<HotSpot> spots = new ArrayList<>();
        g.setStroke(new BasicStroke(1f));
        for (int l = 0; l <= weights.length; l++) {
            for (int t = 0; t < n; t++) {
                g.setColor(Color.DARK_GRAY);
                g.fill(new Ellipse2D.Double(x(t) - 2.5, y(l) - 2.5, 5, 5));
                spots.add(new HotSpot("rect", (int) (x(t) - 4) + "," + (int) (y(l) - 4) + "," + (int) (x(t) + 4) + ","
                        + (int) (y(l) + 4), (l == 0 ? "input" : "layer " + l) + ", token " + t + " " + tokens[t]));
            }
        }
        g.setColor(Color.BLACK);
        for (int t = 0; t < n; t++) {
            String label = tokens[t].length() > 16 ? tokens[t].substring(0, 15) + "…" : tokens[t];
            vertical(g, label, x(t) + fm.getAscent() / 2.0, y(0) + 10, false);
            vertical(g, label, x(t) + fm.getAscent() / 2.0, y(weights.length) - 10, true);
        }
        return spots;
    }

    /** Text rotated by 90°, reading upwards; {@code endAt} puts its end (not its start) at the anchor. */
    private static void vertical(Graphics2D g, String s, double x, double y, boolean endAt) {
        AffineTransform saved = g.getTransform();
        g.translate(x, y);
        g.rotate(-Math.PI / 2);
        int w = g.getFontMetrics().stringWidth(s);
        g.drawString(s, endAt ? 0 : -w, 0);
        g.setTransform(saved);
    }

    /** (q, k, weight) of the edges worth drawing, lightest first so that heavy edges end up on top. */
    private List<double[]> heaviest(double[][] layer, double max) {
        List<double[]> edges = new ArrayList<>();
        for (int q = 0; q < layer.length; q++) {
            for (int k = 0; k < layer[q].length; k++) {
                if (layer[q][k] >= threshold * max && layer[q][k] > 0) {
                    edges.add(new double[] {q, k, layer[q][k]});
                }
            }
        }
        edges.sort(Comparator.comparingDouble((double[] e) -> e[2]).reversed());
        List<double[]> kept = new ArrayList<>(edges.subList(0, Math.min(edges.size(), maxEdgesPerLayer)));
        kept.sort(Comparator.comparingDouble(e -> e[2]));
        return kept;
    }
}
