package org.attentionatlas.web;

import org.attentionatlas.reports.render.Charts;
import org.attentionatlas.reports.render.ColorScale;
import org.attentionatlas.reports.render.HotSpot;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.geom.Rectangle2D;
import java.util.List;

/** The model view for export: a layers × heads grid of small attention heatmaps (pooled to at most 48 × 48). */
public final class ModelGridFigure extends TitledFigure {

    private static final int CELL = 64;
    private static final int PAD = 6;
    private static final int LEFT = 60;
    private static final int TOP = 52;

    private final float[][][][] thumbs; // [layer][head][q][k]

    public ModelGridFigure(String title, float[][][][] thumbs) {
        super(title);
        this.thumbs = thumbs;
    }

    @Override
    public int width() {
        return LEFT + thumbs[0].length * (CELL + PAD) + 10;
    }

    @Override
    public int height() {
        return TOP + thumbs.length * (CELL + PAD) + 10;
    }

    @Override
    public List<HotSpot> draw(Graphics2D g) {
        drawTitle(g);
        g.setFont(Charts.TICK);
        for (int h = 0; h < thumbs[0].length; h++) {
            g.setColor(Color.DARK_GRAY);
            g.drawString("head " + h, LEFT + h * (CELL + PAD) + 12, TOP - 8);
        }
        for (int l = 0; l < thumbs.length; l++) {
            g.setColor(Color.DARK_GRAY);
            g.drawString("layer " + l, 8, TOP + l * (CELL + PAD) + CELL / 2f);
            for (int h = 0; h < thumbs[l].length; h++) {
                cell(g, thumbs[l][h], LEFT + h * (CELL + PAD), TOP + l * (CELL + PAD));
            }
        }
        return List.of();
    }

    private static void cell(Graphics2D g, float[][] m, int x, int y) {
        ColorScale scale = ColorScale.sequential(Matrices.toDouble(m));
        double size = (double) CELL / m.length;
        for (int q = 0; q < m.length; q++) {
            for (int k = 0; k < m[q].length; k++) {
                g.setColor(scale.color(m[q][k]));
                g.fill(new Rectangle2D.Double(x + k * size, y + q * size, size + 0.3, size + 0.3));
            }
        }
    }
}
