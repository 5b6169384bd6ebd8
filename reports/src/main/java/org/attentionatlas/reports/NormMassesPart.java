package org.attentionatlas.reports;

import org.attentionatlas.engine.stats.HeadStat;
import org.attentionatlas.reports.data.AuditResults;
import org.attentionatlas.reports.data.HeadGroup;
import org.attentionatlas.reports.figures.Queries;
import org.attentionatlas.reports.html.HtmlReport;
import org.attentionatlas.reports.html.Table;
import org.attentionatlas.reports.render.Caption;
import org.attentionatlas.reports.render.ChartFigure;
import org.attentionatlas.reports.render.Charts;
import org.attentionatlas.reports.render.FigureRow;
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
import java.text.DecimalFormat;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.StringJoiner;

/**
 * "Weights or norms?": per layer, the attention mass on [CLS], [SEP] and punctuation by weight and by norm
 * (Kobayashi et al. 2020), mean over the layer's heads, for every head group whose head_stats have the norm-based
 * columns (results written before they existed show nothing).
 */
final class NormMassesPart {

    /** A token category: its weight-based mass, row-normalised norm-based mass and raw norm-based sum. */
    record Category(String label, HeadStat weights, HeadStat norms, HeadStat raw) {
    }

    static final List<Category> CATEGORIES = List.of(
            new Category("[CLS]", HeadStat.CLS_MASS, HeadStat.NORM_CLS_MASS, HeadStat.NORM_CLS_RAW),
            new Category("[SEP]", HeadStat.SEP_MASS, HeadStat.NORM_SEP_MASS, HeadStat.NORM_SEP_RAW),
            new Category("punctuation", HeadStat.PUNCT_MASS, HeadStat.NORM_PUNCT_MASS, HeadStat.NORM_PUNCT_RAW));

    private static final Color WEIGHTS = new Color(0x4477AA);
    private static final Color NORMS = new Color(0xEE6677);

    private final HtmlReport html;

    NormMassesPart(HtmlReport html) {
        this.html = html;
    }

    void write(AuditResults results) {
        List<HeadGroup> groups = results.groups().stream().filter(NormMassesPart::hasNorms).toList();
        if (groups.isEmpty()) {
            return;
        }
        html.section("Weights or norms? (Kobayashi et al. 2020)", "A head adds α_ij·f(x_j) to query i, with "
                + "f(x) = (x·W_V + b_V)·W_O: a large weight on a token whose transformed vector is short contributes "
                + "little. Per layer (mean of its heads), the share of attention on [CLS], [SEP] and punctuation by "
                + "weight α and by norm ‖α·f(x)‖ (each query's norm-based contributions scaled to sum to 1). "
                + "Kobayashi et al. found the weight-based share on [SEP] and punctuation large in middle and late "
                + "BERT layers and the norm-based share much smaller.");
        for (HeadGroup g : groups) {
            String runs = results.runIds(g.model(), g.revision());
            html.subheading(g.model() + " @ " + g.revision() + ", " + g.label());
            html.figure(figure(g, new Caption(runs, g.model(), g.revision(), query(g), g.tokens() + " query tokens")),
                    "norms-" + g.model() + "-" + g.revision() + "-" + g.dataset() + "-" + g.language());
            html.table(table(g));
        }
    }

    static boolean hasNorms(HeadGroup g) {
        double[][] s = g.stat(HeadStat.NORM_CLS_MASS);
        return s != null && java.util.Arrays.stream(s).flatMapToDouble(java.util.Arrays::stream).anyMatch(Double::isFinite);
    }

    /** Mean over the heads of each layer (NaN cells skipped). */
    static double[] layerMeans(HeadGroup g, HeadStat s) {
        double[][] grid = g.stat(s);
        double[] out = new double[g.layers()];
        for (int l = 0; l < out.length; l++) {
            out[l] = java.util.Arrays.stream(grid[l]).filter(Double::isFinite).average().orElse(Double.NaN);
        }
        return out;
    }

    private static FigureRow figure(HeadGroup g, Caption caption) {
        List<ChartFigure> panels = new ArrayList<>();
        for (Category c : CATEGORIES) {
            panels.add(ChartFigure.panel(panel(c, g), 420, 380, c.label()));
        }
        return new FigureRow(panels, caption, "weight- vs norm-based mass per layer, " + g.label());
    }

    private static JFreeChart panel(Category c, HeadGroup g) {
        XYSeriesCollection data = new XYSeriesCollection();
        data.addSeries(series("weight-based α", layerMeans(g, c.weights())));
        data.addSeries(series("norm-based ‖α·f(x)‖", layerMeans(g, c.norms())));
        XYLineAndShapeRenderer r = new XYLineAndShapeRenderer(true, true);
        r.setSeriesPaint(0, WEIGHTS);
        r.setSeriesPaint(1, NORMS);
        for (int i = 0; i < 2; i++) {
            r.setSeriesShape(i, new Ellipse2D.Double(-3, -3, 6, 6));
        }
        r.setDefaultToolTipGenerator(new StandardXYToolTipGenerator("{0}: layer {1}, mass {2}",
                new DecimalFormat("0"), new DecimalFormat("0.000")));
        NumberAxis x = new NumberAxis("layer (0-based)");
        x.setStandardTickUnits(NumberAxis.createIntegerTickUnits());
        NumberAxis y = new NumberAxis("mass on " + c.label());
        y.setAutoRangeIncludesZero(true);
        XYPlot plot = Charts.plot(data, x, y, r);
        JFreeChart chart = new JFreeChart(c.label() + " — " + g.label(), Charts.TITLE, plot, false);
        LegendTitle legend = new LegendTitle(plot);
        legend.setPosition(RectangleEdge.BOTTOM);
        legend.setItemFont(Charts.TICK);
        chart.addSubtitle(legend);
        return Charts.styled(chart);
    }

    private static XYSeries series(String name, double[] values) {
        XYSeries s = new XYSeries(name, true, false);
        for (int l = 0; l < values.length; l++) {
            if (Double.isFinite(values[l])) {
                s.add(l, values[l]);
            }
        }
        return s;
    }

    /** Per layer: weight-based and norm-based mass of each category, then the raw ‖α·f(x)‖ row total. */
    private static Table table(HeadGroup g) {
        List<String> header = new ArrayList<>(List.of("layer"));
        for (Category c : CATEGORIES) {
            header.add(c.label() + " α");
            header.add(c.label() + " norm");
        }
        header.add("Σ‖α·f(x)‖");
        List<List<String>> rows = new ArrayList<>();
        for (int l = 0; l < g.layers(); l++) {
            List<String> row = new ArrayList<>(List.of(Integer.toString(l)));
            for (Category c : CATEGORIES) {
                row.add(format(layerMeans(g, c.weights())[l]));
                row.add(format(layerMeans(g, c.norms())[l]));
            }
            row.add(format(layerMeans(g, HeadStat.NORM_TOTAL_RAW)[l]));
            rows.add(row);
        }
        return new Table("Mass per layer, mean of the heads (α: weight-based; norm: norm-based share; "
                + "Σ‖α·f(x)‖: a query's summed contribution norms)", header, rows);
    }

    private static String query(HeadGroup g) {
        StringJoiner columns = new StringJoiner(", ");
        for (Category c : CATEGORIES) {
            columns.add("avg(" + c.weights().column() + ")").add("avg(" + c.norms().column() + ")");
        }
        return "SELECT layer, " + columns + " FROM head_stats WHERE model = " + Queries.literal(g.model())
                + " AND revision = " + Queries.literal(g.revision()) + " AND dataset = " + Queries.literal(g.dataset())
                + " AND language = " + Queries.literal(g.language()) + " GROUP BY layer ORDER BY layer";
    }

    private static String format(double v) {
        return Double.isFinite(v) ? String.format(Locale.ROOT, "%.3f", v) : "n/a";
    }
}
