package org.attentionatlas.reports.figures;

import org.attentionatlas.reports.render.Charts;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.LegendItem;
import org.jfree.chart.LegendItemCollection;
import org.jfree.chart.axis.AxisLocation;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.axis.SymbolAxis;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.PaintScale;
import org.jfree.chart.renderer.xy.XYBlockRenderer;
import org.jfree.chart.title.LegendTitle;
import org.jfree.chart.title.PaintScaleLegend;
import org.jfree.chart.ui.RectangleEdge;
import org.jfree.chart.ui.RectangleInsets;
import org.jfree.data.xy.DefaultXYZDataset;

import java.awt.Color;
import java.awt.Rectangle;
import java.util.Locale;
import java.util.function.DoubleFunction;

/**
 * A labelled matrix as a JFreeChart block plot: rows top to bottom, a colour-scale legend (or, for categories, a
 * legend of names) and a tooltip per cell.
 */
public final class Heatmap {

    /**
     * @param values     [row][column]
     * @param valueText  formats a cell's value for its tooltip
     * @param categories names of the category colours when the values are category indices, else null
     */
    public record Spec(String title, String rowAxis, String[] rowLabels, String columnAxis, String[] columnLabels,
                       double[][] values, PaintScale scale, String valueLabel, DoubleFunction<String> valueText,
                       String[] categories, int cell) {
    }

    /** Above this many cells the matrix is drawn as an image. */
    static final int RASTER_CELLS = 1024;

    private Heatmap() {
    }

    public static String number(double v) {
        return Double.isFinite(v) ? String.format(Locale.ROOT, "%.4g", v) : "n/a";
    }

    /** Pixel size that fits the cells, the labels and the legend. */
    public static int width(Spec s) {
        return 140 + maxLabel(s.rowLabels) * 7 + s.columnLabels.length * s.cell + (s.categories == null ? 90 : 0);
    }

    public static int height(Spec s) {
        boolean vertical = verticalLabels(s);
        int labels = vertical ? maxLabel(s.columnLabels) * 7 + 10 : 20;
        return 170 + labels + s.rowLabels.length * s.cell + (s.categories == null ? 0 : 40);
    }

    private static boolean verticalLabels(Spec s) {
        return maxLabel(s.columnLabels) * 7 > s.cell;
    }

    private static int maxLabel(String[] labels) {
        int m = 1;
        for (String l : labels) {
            m = Math.max(m, Math.min(24, l.length()));
        }
        return m;
    }

    public static JFreeChart chart(Spec s) {
        int rows = s.rowLabels.length;
        int cols = s.columnLabels.length;
        double[] xs = new double[rows * cols];
        double[] ys = new double[rows * cols];
        double[] zs = new double[rows * cols];
        for (int r = 0; r < rows; r++) {
            for (int c = 0; c < cols; c++) {
                int i = r * cols + c;
                xs[i] = c;
                ys[i] = r;
                zs[i] = s.values[r][c];
            }
        }
        DefaultXYZDataset data = new DefaultXYZDataset();
        data.addSeries(s.valueLabel, new double[][] {xs, ys, zs});

        SymbolAxis x = axis(s.columnAxis, s.columnLabels);
        x.setVerticalTickLabels(verticalLabels(s));
        SymbolAxis y = axis(s.rowAxis, s.rowLabels);
        y.setInverted(true); // first row on top, as in a table

        // small grids stay vector rectangles; large ones become one image (see RasterBlockRenderer)
        XYBlockRenderer renderer = rows * cols > RASTER_CELLS ? new RasterBlockRenderer(s.values) : new XYBlockRenderer();
        renderer.setPaintScale(s.scale);
        renderer.setDefaultToolTipGenerator((dataset, series, item) -> {
            int r = item / cols;
            int c = item % cols;
            double v = s.values[r][c];
            return s.rowAxis + " " + s.rowLabels[r] + ", " + s.columnAxis + " " + s.columnLabels[c] + ": "
                    + s.valueLabel + " = " + s.valueText.apply(v);
        });
        XYPlot plot = new XYPlot(data, x, y, renderer);
        plot.setBackgroundPaint(Color.WHITE);
        plot.setDomainGridlinesVisible(false);
        plot.setRangeGridlinesVisible(false);
        plot.setAxisOffset(RectangleInsets.ZERO_INSETS);
        plot.setDomainAxisLocation(AxisLocation.BOTTOM_OR_LEFT);

        JFreeChart chart = new JFreeChart(s.title, Charts.TITLE, plot, false);
        Charts.styled(chart);
        if (s.categories == null) {
            NumberAxis scaleAxis = new NumberAxis(s.valueLabel);
            scaleAxis.setLabelFont(Charts.LABEL);
            scaleAxis.setTickLabelFont(Charts.TICK);
            scaleAxis.setRange(s.scale.getLowerBound(), s.scale.getUpperBound());
            PaintScaleLegend legend = new PaintScaleLegend(s.scale, scaleAxis);
            legend.setPosition(RectangleEdge.RIGHT);
            legend.setStripWidth(14);
            legend.setAxisOffset(4);
            legend.setMargin(new RectangleInsets(8, 10, 8, 6));
            legend.setSubdivisionCount(128);
            chart.addSubtitle(legend);
        } else {
            LegendItemCollection items = new LegendItemCollection();
            for (int i = 0; i < s.categories.length; i++) {
                items.add(new LegendItem(s.categories[i], null, null, null, new Rectangle(10, 10),
                        s.scale.getPaint(i)));
            }
            plot.setFixedLegendItems(items);
            LegendTitle legend = new LegendTitle(plot);
            legend.setPosition(RectangleEdge.BOTTOM);
            legend.setItemFont(Charts.LABEL);
            chart.addSubtitle(legend);
        }
        return chart;
    }

    private static SymbolAxis axis(String name, String[] labels) {
        SymbolAxis a = new SymbolAxis(name, labels);
        a.setGridBandsVisible(false);
        a.setLabelFont(Charts.LABEL);
        a.setTickLabelFont(Charts.TICK);
        a.setAutoRange(false);
        a.setRange(-0.5, labels.length - 0.5);
        return a;
    }
}
