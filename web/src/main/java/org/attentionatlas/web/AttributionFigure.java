package org.attentionatlas.web;

import org.attentionatlas.engine.attribution.AttributionMethod;
import org.attentionatlas.engine.attribution.AttributionRequest;
import org.attentionatlas.engine.attribution.AttributionResult;
import org.attentionatlas.reports.render.Charts;
import org.attentionatlas.reports.render.ColorScale;
import org.attentionatlas.reports.render.HotSpot;

import java.awt.Color;
import java.awt.FontMetrics;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The attribution view for export: the tokens in reading order, each box coloured by its score on a blue–white–red
 * scale symmetric around 0 (the page uses the same stops), the score under it, and what F was.
 */
public final class AttributionFigure extends TitledFigure {

    static final int WIDTH = 920;
    private static final int TOP = 52;
    private static final int BOX = 22;
    private static final int ROW = 46;
    private static final int PAD = 5;

    private final AttributionResult result;
    private final String subtitle;
    private final ColorScale scale;
    private final List<int[]> boxes = new ArrayList<>(); // x, y, width per token

    public AttributionFigure(String model, AttributionResult result) {
        super(model + " — " + result.request().method().cliName() + " attribution");
        this.result = result;
        this.subtitle = subtitle(result);
        double[] scores = new double[result.values().scores().length];
        for (int i = 0; i < scores.length; i++) {
            scores[i] = result.values().scores()[i];
        }
        this.scale = ColorScale.diverging(scores);
        FontMetrics fm = new BufferedImage(1, 1, BufferedImage.TYPE_INT_RGB).createGraphics().getFontMetrics(Charts.LABEL);
        int x = 10;
        int y = TOP;
        for (String token : result.tokens()) {
            int w = Math.max(fm.stringWidth(token), fm.stringWidth("+0.000")) + 2 * PAD;
            if (x + w > WIDTH - 10 && x > 10) {
                x = 10;
                y += ROW;
            }
            boxes.add(new int[] {x, y, w});
            x += w + 4;
        }
    }

    static String subtitle(AttributionResult r) {
        AttributionRequest q = r.request();
        String f = r.maskIndex() >= 0 ? "log P(" + q.targetWord() + " at [MASK])" : "cosine with \"" + q.compareText() + "\"";
        String s = String.format(Locale.ROOT, "F = %s = %.4f; baseline (%s) %.4f", f, r.values().score(), r.baseline(),
                r.values().baselineScore());
        if (q.method() == AttributionMethod.IG) {
            s += String.format(Locale.ROOT, "; completeness gap %.3f%% at %d steps", 100 * r.values().completenessGap(),
                    q.steps());
        }
        return s;
    }

    @Override
    public int width() {
        return WIDTH;
    }

    @Override
    public int height() {
        int last = boxes.isEmpty() ? TOP : boxes.get(boxes.size() - 1)[1];
        return last + ROW + 40;
    }

    @Override
    public List<HotSpot> draw(Graphics2D g) {
        drawTitle(g);
        g.setFont(Charts.TICK);
        g.drawString(clip(subtitle), 8, 38);
        g.setFont(Charts.LABEL);
        FontMetrics fm = g.getFontMetrics();
        float[] scores = result.values().scores();
        for (int i = 0; i < boxes.size(); i++) {
            int[] b = boxes.get(i);
            g.setColor(scale.color(scores[i]));
            g.fillRect(b[0], b[1], b[2], BOX);
            g.setColor(Color.GRAY);
            g.drawRect(b[0], b[1], b[2], BOX);
            g.setColor(Color.BLACK);
            g.setFont(Charts.LABEL);
            String token = result.tokens()[i];
            g.drawString(token, b[0] + (b[2] - fm.stringWidth(token)) / 2f, b[1] + 16);
            g.setFont(Charts.TICK);
            g.drawString(String.format(Locale.ROOT, "%+.3f", scores[i]), b[0] + PAD, b[1] + BOX + 12);
        }
        drawLegend(g, height() - 22);
        return List.of();
    }

    private void drawLegend(Graphics2D g, int y) {
        int x0 = 10;
        int w = 300;
        for (int i = 0; i < w; i++) {
            double v = scale.getLowerBound() + (scale.getUpperBound() - scale.getLowerBound()) * i / (w - 1);
            g.setColor(scale.color(v));
            g.fillRect(x0 + i, y, 1, 10);
        }
        g.setColor(Color.BLACK);
        g.setFont(Charts.TICK);
        g.drawString(String.format(Locale.ROOT, "%+.3f", scale.getLowerBound()), x0, y + 20);
        g.drawString("0", x0 + w / 2f - 3, y + 20);
        g.drawString(String.format(Locale.ROOT, "%+.3f", scale.getUpperBound()), x0 + w - 30, y + 20);
    }

    private static String clip(String s) {
        return s.length() > 150 ? s.substring(0, 149) + "…" : s;
    }
}
