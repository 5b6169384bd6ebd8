package org.attentionatlas.reports.render;

import org.jfree.chart.ChartRenderingInfo;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.entity.ChartEntity;
import org.jfree.chart.entity.EntityCollection;
import org.jfree.chart.entity.StandardEntityCollection;

import java.awt.Graphics2D;
import java.awt.geom.Rectangle2D;
import java.util.ArrayList;
import java.util.List;

/**
 * A JFreeChart as a {@link Figure}; every chart entity with a tooltip becomes a hover area. The caption is the page's
 * (one per figure, under it), not drawn into the image.
 */
public final class ChartFigure implements Figure {

    private final JFreeChart chart;
    private final int width;
    private final int height;
    private final Caption caption;
    private final String title;

    /** A chart with its caption. */
    public ChartFigure(JFreeChart chart, int width, int height, Caption caption, String title) {
        this.chart = chart;
        this.width = width;
        this.height = height;
        this.caption = caption;
        this.title = title;
    }

    /** A panel of a {@link FigureRow}, which draws one caption for all its panels. */
    public static ChartFigure panel(JFreeChart chart, int width, int height, String title) {
        return new ChartFigure(chart, width, height, null, title);
    }

    @Override
    public int width() {
        return width;
    }

    @Override
    public int height() {
        return height;
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
        return drawAt(g, 0, 0);
    }

    /** Draws at an offset (for composite figures); hover areas are shifted to match. */
    List<HotSpot> drawAt(Graphics2D g, int x, int y) {
        ChartRenderingInfo info = new ChartRenderingInfo(new StandardEntityCollection());
        chart.draw(g, new Rectangle2D.Double(x, y, width, height), info);
        List<HotSpot> out = new ArrayList<>();
        EntityCollection entities = info.getEntityCollection();
        for (int i = 0; i < entities.getEntityCount(); i++) {
            ChartEntity e = entities.getEntity(i);
            String tip = e.getToolTipText();
            if (tip != null && !tip.isEmpty()) {
                out.add(new HotSpot(e.getShapeType(), e.getShapeCoords(), tip));
            }
        }
        return out;
    }
}
