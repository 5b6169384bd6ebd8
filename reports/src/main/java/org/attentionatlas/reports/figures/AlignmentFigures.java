package org.attentionatlas.reports.figures;

import org.attentionatlas.reports.data.AlignExample;
import org.attentionatlas.reports.data.AlignScore;
import org.attentionatlas.reports.render.Caption;
import org.attentionatlas.reports.render.ChartFigure;
import org.attentionatlas.reports.render.Charts;
import org.attentionatlas.reports.render.ColorScale;
import org.attentionatlas.reports.render.Figure;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.labels.StandardXYToolTipGenerator;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.chart.title.LegendTitle;
import org.jfree.chart.ui.RectangleEdge;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;

import java.awt.Color;
import java.awt.geom.Ellipse2D;
import java.awt.geom.Rectangle2D;
import java.text.DecimalFormat;
import java.util.Arrays;
import java.util.List;

/**
 * Cross-language alignment figures of one language pair: AER (percent) by layer for the layer methods, with the
 * published point where there is one, the layer × head AER map of the attention heads, and alignment matrices of a few
 * sentence pairs.
 */
public final class AlignmentFigures {

    /** The layer methods in legend order (align_layers' method names). */
    public static final List<String> METHODS = List.of("softmax", "argmax", "attention-mean");
    private static final Color[] COLORS = {new Color(0x4477AA), new Color(0xEE6677), new Color(0x228833)};

    private AlignmentFigures() {
    }

    /** AER by layer, one curve per method; {@code published} (percent) is drawn at layer 8 when given. */
    public static Figure aerByLayer(String label, List<AlignScore> layers, Double published, Caption caption) {
        XYSeriesCollection data = new XYSeriesCollection();
        for (String method : METHODS) {
            XYSeries s = new XYSeries(method, true, false);
            layers.stream().filter(r -> r.method().equals(method) && Double.isFinite(r.aer()))
                    .forEach(r -> s.add(r.layer(), 100 * r.aer()));
            data.addSeries(s);
        }
        XYLineAndShapeRenderer r = new XYLineAndShapeRenderer(true, true);
        for (int i = 0; i < METHODS.size(); i++) {
            r.setSeriesPaint(i, COLORS[i]);
            r.setSeriesShape(i, new Ellipse2D.Double(-3, -3, 6, 6));
        }
        if (published != null) {
            XYSeries p = new XYSeries(PublishedAer.CITATION + ", layer " + PublishedAer.LAYER + " "
                    + PublishedAer.METHOD);
            p.add(PublishedAer.LAYER, published);
            data.addSeries(p);
            int i = METHODS.size();
            r.setSeriesPaint(i, Color.BLACK);
            r.setSeriesLinesVisible(i, false);
            r.setSeriesShape(i, new Rectangle2D.Double(-5, -5, 10, 10));
        }
        r.setDefaultToolTipGenerator(new StandardXYToolTipGenerator("{0}: layer {1}, AER {2} %",
                new DecimalFormat("0"), new DecimalFormat("0.0")));
        NumberAxis x = new NumberAxis("layer (0 = embeddings)");
        x.setStandardTickUnits(NumberAxis.createIntegerTickUnits());
        NumberAxis y = new NumberAxis("AER %");
        y.setAutoRangeIncludesZero(true);
        for (NumberAxis a : new NumberAxis[] {x, y}) {
            a.setLabelFont(Charts.LABEL);
            a.setTickLabelFont(Charts.TICK);
        }
        XYPlot plot = new XYPlot(data, x, y, r);
        plot.setBackgroundPaint(Color.WHITE);
        plot.setDomainGridlinePaint(Color.LIGHT_GRAY);
        plot.setRangeGridlinePaint(Color.LIGHT_GRAY);
        JFreeChart chart = new JFreeChart("AER by layer — " + label, Charts.TITLE, plot, false);
        LegendTitle legend = new LegendTitle(plot);
        legend.setPosition(RectangleEdge.BOTTOM);
        legend.setItemFont(Charts.TICK);
        chart.addSubtitle(legend);
        return new ChartFigure(Charts.styled(chart), 640, 420, caption, "AER by layer, " + label);
    }

    /** The heads' AER (percent) as a 0-based layer × head grid; NaN where a head has no score. */
    public static double[][] headGrid(List<AlignScore> heads) {
        int layers = 1 + heads.stream().mapToInt(AlignScore::layer).max().orElse(-1);
        int perLayer = 1 + heads.stream().mapToInt(AlignScore::head).max().orElse(-1);
        double[][] grid = new double[layers][perLayer];
        Arrays.stream(grid).forEach(row -> Arrays.fill(row, Double.NaN));
        for (AlignScore h : heads) {
            grid[h.layer()][h.head()] = 100 * h.aer();
        }
        return grid;
    }

    /** Alignment matrices of a few sentence pairs side by side ({@link AlignmentMatrices}). */
    public static Figure matrices(String title, List<AlignExample> pairs, Caption caption) {
        return new AlignmentMatrices(title, pairs, caption);
    }

    public static Figure headAer(String label, List<AlignScore> heads, Caption caption) {
        double[][] grid = headGrid(heads);
        Heatmap.Spec spec = HeadHeatmaps.spec("attention-head AER % — " + label, grid, "AER %",
                ColorScale.sequential(grid));
        return new ChartFigure(Heatmap.chart(spec), Heatmap.width(spec), Heatmap.height(spec), caption,
                "AER per layer and head, " + label);
    }
}
