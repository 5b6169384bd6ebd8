package org.attentionatlas.reports.figures;

import org.attentionatlas.engine.stats.OffsetBuckets;
import org.attentionatlas.reports.data.HeadGroup;
import org.attentionatlas.reports.render.Caption;
import org.attentionatlas.reports.render.ChartFigure;
import org.attentionatlas.reports.render.Charts;
import org.attentionatlas.reports.render.ColorScale;
import org.attentionatlas.reports.render.Figure;
import org.attentionatlas.reports.render.FigureRow;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.LogAxis;
import org.jfree.chart.labels.StandardXYToolTipGenerator;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.chart.title.LegendTitle;
import org.jfree.chart.ui.RectangleEdge;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;

import java.awt.Color;
import java.awt.geom.Ellipse2D;
import java.text.DecimalFormat;
import java.util.List;

/**
 * Attention mass against token distance, one curve per layer (mean of its heads), from the offset histograms: the
 * mass of each bucket divided by {@link OffsetBuckets#width} is a density per single offset, plotted at the bucket's
 * typical |offset| on log–log axes. Keys before and after the query are separate panels; the last bucket (beyond
 * 512 tokens) is there only for long, windowed documents.
 */
public final class ProximalPreference {

    private ProximalPreference() {
    }

    public static Figure of(HeadGroup g, Caption caption) {
        double[][] hist = g.layerOffsetHist();
        ChartFigure before = ChartFigure.panel(panel("keys before the query — " + g.label(), hist, -1), 520, 420,
                "keys before the query");
        ChartFigure after = ChartFigure.panel(panel("keys after the query — " + g.label(), hist, 1), 520, 420,
                "keys after the query");
        return new FigureRow(List.of(before, after), caption, "attention mass per token distance, " + g.label());
    }

    /** A bucket's typical |offset|: itself when exact, else the geometric middle of its range (724 for > 512). */
    public static double typicalDistance(int bucket) {
        int lo = Math.abs(OffsetBuckets.lower(bucket));
        int hi = Math.abs(OffsetBuckets.upper(bucket));
        if (lo == Integer.MAX_VALUE || hi == Integer.MAX_VALUE) {
            return 724;
        }
        return Math.sqrt((double) lo * hi);
    }

    /** Mass per single offset within one bucket of one layer's histogram. */
    public static double density(double[] layerHist, int bucket) {
        return layerHist[bucket] / OffsetBuckets.width(bucket);
    }

    private static JFreeChart panel(String title, double[][] hist, int sign) {
        XYSeriesCollection data = new XYSeriesCollection();
        int side = OffsetBuckets.ZERO;
        for (int l = 0; l < hist.length; l++) {
            XYSeries s = new XYSeries("layer " + l, false, true);
            for (int m = 1; m <= side; m++) {
                int bucket = OffsetBuckets.ZERO + sign * m;
                double d = density(hist[l], bucket);
                if (d > 0) { // a log axis cannot show 0
                    s.add(typicalDistance(bucket), d);
                }
            }
            data.addSeries(s);
        }
        LogAxis x = new LogAxis("|key − query| in tokens");
        x.setBase(2);
        x.setSmallestValue(1);
        x.setNumberFormatOverride(new DecimalFormat("0"));
        LogAxis y = new LogAxis("attention mass per offset");
        y.setSmallestValue(1e-9);
        y.setNumberFormatOverride(new DecimalFormat("0.#E0"));
        for (LogAxis a : new LogAxis[] {x, y}) {
            a.setLabelFont(Charts.LABEL);
            a.setTickLabelFont(Charts.TICK);
        }
        XYLineAndShapeRenderer r = new XYLineAndShapeRenderer(true, true);
        ColorScale colors = ColorScale.sequential(0, Math.max(1, hist.length - 1));
        for (int l = 0; l < hist.length; l++) {
            Color c = colors.color(l);
            r.setSeriesPaint(l, c);
            r.setSeriesShape(l, new Ellipse2D.Double(-2, -2, 4, 4));
        }
        r.setDefaultToolTipGenerator(new StandardXYToolTipGenerator("{0}: |offset| {1}, mass per offset {2}",
                new DecimalFormat("0.#"), new DecimalFormat("0.###E0")));
        XYPlot plot = new XYPlot(data, x, y, r);
        plot.setBackgroundPaint(Color.WHITE);
        plot.setDomainGridlinePaint(Color.LIGHT_GRAY);
        plot.setRangeGridlinePaint(Color.LIGHT_GRAY);
        JFreeChart chart = new JFreeChart(title, Charts.TITLE, plot, false);
        LegendTitle legend = new LegendTitle(plot);
        legend.setPosition(RectangleEdge.RIGHT);
        legend.setItemFont(Charts.TICK);
        chart.addSubtitle(legend);
        return Charts.styled(chart);
    }
}
