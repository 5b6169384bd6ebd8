package org.attentionatlas.web;

import org.attentionatlas.engine.align.Link;
import org.attentionatlas.reports.render.Charts;
import org.attentionatlas.reports.render.HotSpot;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.FontMetrics;
import java.awt.Graphics2D;
import java.awt.geom.Line2D;
import java.util.List;
import java.util.Set;

/**
 * The pair view for export: source words left, target words right; solid lines weighted by one head's
 * source→target attention (each row scaled to its largest weight), dashed orange lines for the similarity links.
 */
public final class PairViewFigure extends TitledFigure {

    private static final int ROW = 18;
    private static final int TOP = 40;
    private static final int LABEL = 150;
    private static final int GAP = 240;
    private static final Color ATTENTION = new Color(0x1F4E9A);
    private static final Color SIMILARITY = new Color(0xD9822B);

    private final List<String> source;
    private final List<String> target;
    private final float[][] sourceToTarget;
    private final Set<Link> similarity;

    public PairViewFigure(String title, List<String> source, List<String> target, float[][] sourceToTarget,
            Set<Link> similarity) {
        super(title);
        this.source = List.copyOf(source);
        this.target = List.copyOf(target);
        this.sourceToTarget = sourceToTarget;
        this.similarity = Set.copyOf(similarity);
    }

    @Override
    public int width() {
        return 2 * LABEL + GAP + 20;
    }

    @Override
    public int height() {
        return TOP + Math.max(source.size(), target.size()) * ROW + 20;
    }

    @Override
    public List<HotSpot> draw(Graphics2D g) {
        drawTitle(g);
        double x0 = 10 + LABEL;
        double x1 = x0 + GAP;
        for (int i = 0; i < sourceToTarget.length; i++) {
            float max = 0;
            for (float w : sourceToTarget[i]) {
                max = Math.max(max, w);
            }
            for (int j = 0; j < sourceToTarget[i].length && max > 0; j++) {
                float w = sourceToTarget[i][j] / max;
                g.setColor(new Color(ATTENTION.getRed(), ATTENTION.getGreen(), ATTENTION.getBlue(),
                        Math.round(15 + 200 * w)));
                g.setStroke(new BasicStroke(0.5f + 3f * w));
                g.draw(new Line2D.Double(x0 + 4, y(i), x1 - 4, y(j)));
            }
        }
        g.setColor(SIMILARITY);
        g.setStroke(new BasicStroke(1.5f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 10f, new float[] {6f, 4f},
                0f));
        for (Link l : similarity) {
            g.draw(new Line2D.Double(x0 + 4, y(l.src()), x1 - 4, y(l.tgt())));
        }
        g.setColor(Color.BLACK);
        g.setFont(Charts.LABEL);
        FontMetrics fm = g.getFontMetrics();
        for (int i = 0; i < source.size(); i++) {
            String t = clip(source.get(i));
            g.drawString(t, (float) (x0 - 6 - fm.stringWidth(t)), baseline(i, fm));
        }
        for (int j = 0; j < target.size(); j++) {
            g.drawString(clip(target.get(j)), (float) (x1 + 6), baseline(j, fm));
        }
        return List.of();
    }

    private static String clip(String s) {
        return s.length() > 20 ? s.substring(0, 19) + "…" : s;
    }

    private float baseline(int i, FontMetrics fm) {
        return (float) y(i) + fm.getAscent() / 2f - 1;
    }

    private double y(int i) {
        return TOP + (i + 0.5) * ROW;
    }
}
