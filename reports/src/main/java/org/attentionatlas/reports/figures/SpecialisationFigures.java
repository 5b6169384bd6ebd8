package org.attentionatlas.reports.figures;

import org.attentionatlas.engine.stats.OffsetBuckets;
import org.attentionatlas.reports.data.HeadGroup;
import org.attentionatlas.reports.data.SpecialisedHead;
import org.attentionatlas.reports.render.Caption;
import org.attentionatlas.reports.render.ChartFigure;
import org.attentionatlas.reports.render.Charts;
import org.attentionatlas.reports.render.ColorScale;
import org.attentionatlas.reports.render.Figure;
import org.attentionatlas.reports.render.FigureRow;
import org.attentionatlas.results.HeadSpecialisation;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.labels.XYToolTipGenerator;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.chart.title.LegendTitle;
import org.jfree.chart.ui.RectangleEdge;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.geom.Ellipse2D;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** Figures of head_specialisation: role maps per language, the specificity heatmap, offset profiles per language. */
public final class SpecialisationFigures {

    private static final Color[] LANGUAGE_COLORS = {new Color(0x4477AA), new Color(0xEE6677), new Color(0x228833),
            new Color(0xCCBB44), new Color(0xAA3377), new Color(0x66CCEE), new Color(0x000000)};

    private SpecialisationFigures() {
    }

    /** One role map per language, side by side, on the one role legend. */
    public static Figure rolesByLanguage(List<HeadGroup> groups, Caption caption) {
        List<ChartFigure> panels = new ArrayList<>();
        for (HeadGroup g : groups) {
            panels.add(HeadHeatmaps.rolePanel(g, "roles — " + g.language() + " (" + g.sequences() + " seq.)"));
        }
        return new FigureRow(panels, caption, "head roles per language: "
                + String.join(", ", groups.stream().map(HeadGroup::language).toList()));
    }

    /** Specificity (mean JS divergence, nats) as a layer × head heatmap; heads without a row are blank. */
    public static Figure specificity(List<SpecialisedHead> rows, Caption caption) {
        double[][] grid = grid(rows);
        Heatmap.Spec spec = HeadHeatmaps.spec("language specificity (mean JS to the cross-language mean, nats) — "
                + rows.get(0).dataset(), grid, "specificity (nats)", ColorScale.sequential(grid));
        return new ChartFigure(Heatmap.chart(spec), Heatmap.width(spec), Heatmap.height(spec), caption,
                "language specificity per layer and head, " + rows.get(0).dataset());
    }

    /** [layer][head] of the rows' specificity, NaN where no row. */
    public static double[][] grid(List<SpecialisedHead> rows) {
        int layers = 1 + rows.stream().mapToInt(SpecialisedHead::layer).max().orElse(0);
        int heads = 1 + rows.stream().mapToInt(SpecialisedHead::head).max().orElse(0);
        double[][] grid = new double[layers][heads];
        for (double[] row : grid) {
            java.util.Arrays.fill(row, Double.NaN);
        }
        rows.forEach(r -> grid[r.layer()][r.head()] = r.specificity());
        return grid;
    }

    /**
     * One head's offset histogram in each language, normalised to a distribution (what the specificity compares),
     * one curve per language over the offset buckets that hold mass in any language.
     */
    public static Figure offsetProfiles(SpecialisedHead head, List<HeadGroup> groups, Caption caption) {
        List<double[]> dists = new ArrayList<>();
        for (HeadGroup g : groups) {
            dists.add(HeadSpecialisation.normalised(g.offsetHist()[head.layer()][head.head()]));
        }
        int first = OffsetBuckets.count();
        int last = -1;
        for (double[] d : dists) {
            for (int b = 0; b < d.length; b++) {
                if (d[b] > 1e-6) {
                    first = Math.min(first, b);
                    last = Math.max(last, b);
                }
            }
        }
        XYSeriesCollection data = new XYSeriesCollection();
        for (int i = 0; i < groups.size(); i++) {
            XYSeries s = new XYSeries(groups.get(i).language(), false, true);
            for (int b = first; b <= last; b++) {
                s.add(b - OffsetBuckets.ZERO, dists.get(i)[b]);
            }
            data.addSeries(s);
        }
        NumberAxis x = new NumberAxis("offset bucket (key − query; exact to ±8, then doubling ranges)");
        x.setStandardTickUnits(NumberAxis.createIntegerTickUnits());
        NumberAxis y = new NumberAxis("share of the head's attention");
        for (NumberAxis a : new NumberAxis[] {x, y}) {
            a.setLabelFont(Charts.LABEL);
            a.setTickLabelFont(Charts.TICK);
        }
        XYLineAndShapeRenderer r = new XYLineAndShapeRenderer(true, true);
        for (int i = 0; i < groups.size(); i++) {
            r.setSeriesPaint(i, LANGUAGE_COLORS[i % LANGUAGE_COLORS.length]);
            r.setSeriesStroke(i, new BasicStroke(1.6f));
            r.setSeriesShape(i, new Ellipse2D.Double(-2.5, -2.5, 5, 5));
        }
        XYToolTipGenerator tips = (dataset, series, item) -> {
            int bucket = (int) dataset.getXValue(series, item) + OffsetBuckets.ZERO;
            return String.format(Locale.ROOT, "%s: offset %s, share %.4f", dataset.getSeriesKey(series),
                    OffsetBuckets.label(bucket), dataset.getYValue(series, item));
        };
        r.setDefaultToolTipGenerator(tips);
        XYPlot plot = new XYPlot(data, x, y, r);
        plot.setBackgroundPaint(Color.WHITE);
        plot.setDomainGridlinePaint(Color.LIGHT_GRAY);
        plot.setRangeGridlinePaint(Color.LIGHT_GRAY);
        String title = String.format(Locale.ROOT, "layer %d head %d — specificity %.4f nats, most different: %s",
                head.layer(), head.head(), head.specificity(), head.mostDifferentLanguage());
        JFreeChart chart = new JFreeChart(title, Charts.TITLE, plot, false);
        LegendTitle legend = new LegendTitle(plot);
        legend.setPosition(RectangleEdge.RIGHT);
        legend.setItemFont(Charts.TICK);
        chart.addSubtitle(legend);
        return new ChartFigure(Charts.styled(chart), 720, 380, caption,
                "offset profile per language of layer " + head.layer() + " head " + head.head());
    }
}
