package org.attentionatlas.reports.figures;

import org.jfree.chart.axis.ValueAxis;
import org.jfree.chart.entity.EntityCollection;
import org.jfree.chart.plot.CrosshairState;
import org.jfree.chart.plot.PlotRenderingInfo;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.PaintScale;
import org.jfree.chart.renderer.xy.XYBlockRenderer;
import org.jfree.chart.renderer.xy.XYItemRendererState;
import org.jfree.data.xy.XYDataset;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.Rectangle2D;
import java.awt.image.BufferedImage;

/**
 * Draws a large matrix as one image instead of a rectangle per cell: a 128-token attention matrix is 16k cells, which
 * as SVG rectangles is megabytes per figure. The image is pre-enlarged by a whole factor so that viewers that smooth
 * images still show sharp cells. Items are the row-major cells of {@code values}; each gets a hover entity up to
 * {@link #MAX_HOVER_CELLS} cells.
 */
final class RasterBlockRenderer extends XYBlockRenderer {

    private static final int PIXELS_PER_CELL = 8;
    /** Larger matrices get no hover entities: the page could not carry that many image-map areas anyway. */
    static final int MAX_HOVER_CELLS = 4096;

    private final double[][] values;

    RasterBlockRenderer(double[][] values) {
        this.values = values;
    }

    @Override
    public void drawItem(Graphics2D g2, XYItemRendererState state, Rectangle2D dataArea, PlotRenderingInfo info,
                         XYPlot plot, ValueAxis domainAxis, ValueAxis rangeAxis, XYDataset dataset, int series,
                         int item, CrosshairState crosshairState, int pass) {
        int cols = values[0].length;
        int r = item / cols;
        int c = item % cols;
        if (item == 0) {
            Rectangle2D all = cell(dataArea, plot, domainAxis, rangeAxis, -0.5, -0.5, cols, values.length);
            Object hint = g2.getRenderingHint(RenderingHints.KEY_INTERPOLATION);
            g2.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_NEAREST_NEIGHBOR);
            g2.drawImage(image(getPaintScale()), (int) Math.round(all.getX()), (int) Math.round(all.getY()),
                    (int) Math.round(all.getWidth()), (int) Math.round(all.getHeight()), null);
            if (hint != null) {
                g2.setRenderingHint(RenderingHints.KEY_INTERPOLATION, hint);
            }
        }
        EntityCollection entities = state.getEntityCollection();
        if (entities != null && values.length * cols <= MAX_HOVER_CELLS) {
            Rectangle2D block = cell(dataArea, plot, domainAxis, rangeAxis, c - 0.5, r - 0.5, 1, 1);
            addEntity(entities, block, dataset, series, item, block.getCenterX(), block.getCenterY());
        }
    }

    private BufferedImage image(PaintScale scale) {
        int rows = values.length;
        int cols = values[0].length;
        BufferedImage img = new BufferedImage(cols * PIXELS_PER_CELL, rows * PIXELS_PER_CELL, BufferedImage.TYPE_INT_RGB);
        for (int r = 0; r < rows; r++) {
            for (int c = 0; c < cols; c++) {
                int rgb = ((Color) scale.getPaint(values[r][c])).getRGB();
                for (int y = 0; y < PIXELS_PER_CELL; y++) {
                    for (int x = 0; x < PIXELS_PER_CELL; x++) {
                        img.setRGB(c * PIXELS_PER_CELL + x, r * PIXELS_PER_CELL + y, rgb);
                    }
                }
            }
        }
        return img;
    }

    /** The screen rectangle of [x, x + w] × [y, y + h] in data units, whichever way the axes run. */
    private static Rectangle2D cell(Rectangle2D area, XYPlot plot, ValueAxis xAxis, ValueAxis yAxis, double x,
                                    double y, double w, double h) {
        double x0 = xAxis.valueToJava2D(x, area, plot.getDomainAxisEdge());
        double x1 = xAxis.valueToJava2D(x + w, area, plot.getDomainAxisEdge());
        double y0 = yAxis.valueToJava2D(y, area, plot.getRangeAxisEdge());
        double y1 = yAxis.valueToJava2D(y + h, area, plot.getRangeAxisEdge());
        return new Rectangle2D.Double(Math.min(x0, x1), Math.min(y0, y1), Math.abs(x1 - x0), Math.abs(y1 - y0));
    }
}
