package org.attentionatlas.reports.agreement;

import org.attentionatlas.reports.render.Caption;
import org.attentionatlas.reports.render.ChartFigure;
import org.attentionatlas.reports.render.Charts;
import org.attentionatlas.reports.render.Figure;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.CategoryAxis;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.plot.CategoryPlot;
import org.jfree.chart.renderer.category.BoxAndWhiskerRenderer;
import org.jfree.chart.title.LegendTitle;
import org.jfree.chart.ui.RectangleEdge;
import org.jfree.data.statistics.BoxAndWhiskerItem;
import org.jfree.data.statistics.DefaultBoxAndWhiskerCategoryDataset;

import java.awt.Color;
import java.util.List;
import java.util.Locale;

/** Box plots of Kendall τ per method pair: one group per attention score, one box per attribution. */
final class AgreementFigures {

    private static final Color[] ATTRIBUTION = {new Color(0x4477AA), new Color(0xEE6677), new Color(0x228833),
            new Color(0xCCBB44)};

    private AgreementFigures() {
    }

    /** Boxes span the quartiles, whiskers the extremes, the line the median and the dot the mean. */
    static Figure tauBoxes(String label, List<TauSummary> pairs, Caption caption) {
        DefaultBoxAndWhiskerCategoryDataset data = new DefaultBoxAndWhiskerCategoryDataset();
        for (TauSummary s : pairs) {
            if (s.texts() > 0) {
                data.add(new BoxAndWhiskerItem(s.mean(), s.median(), s.q1(), s.q3(), s.min(), s.max(), s.min(),
                        s.max(), List.of()), s.attribution(), s.attention());
            }
        }
        BoxAndWhiskerRenderer renderer = new BoxAndWhiskerRenderer();
        renderer.setMeanVisible(true);
        renderer.setMaxOutlierVisible(false);
        renderer.setMinOutlierVisible(false);
        for (int i = 0; i < data.getRowCount(); i++) {
            renderer.setSeriesPaint(i, ATTRIBUTION[i % ATTRIBUTION.length]);
        }
        renderer.setDefaultToolTipGenerator((dataset, row, column) -> tip(pairs, (String) dataset.getColumnKey(column),
                (String) dataset.getRowKey(row)));
        CategoryAxis x = new CategoryAxis("attention score");
        NumberAxis y = new NumberAxis("Kendall τ-b with the attribution's magnitude");
        y.setRange(-1.05, 1.05);
        for (var a : List.of(x, y)) {
            a.setLabelFont(Charts.LABEL);
            a.setTickLabelFont(Charts.TICK);
        }
        CategoryPlot plot = new CategoryPlot(data, x, y, renderer);
        plot.setBackgroundPaint(Color.WHITE);
        plot.setRangeGridlinePaint(Color.LIGHT_GRAY);
        JFreeChart chart = new JFreeChart("Does attention rank tokens like the attribution? — " + label, Charts.TITLE,
                plot, false);
        LegendTitle legend = new LegendTitle(plot);
        legend.setPosition(RectangleEdge.BOTTOM);
        legend.setItemFont(Charts.TICK);
        chart.addSubtitle(legend);
        return new ChartFigure(Charts.styled(chart), 720, 440, caption, "Kendall τ per method pair, " + label);
    }

    private static String tip(List<TauSummary> pairs, String attention, String attribution) {
        return pairs.stream().filter(s -> s.attention().equals(attention) && s.attribution().equals(attribution))
                .findFirst().map(s -> String.format(Locale.ROOT, "%s × %s: median τ %.2f, quartiles [%.2f, %.2f], "
                        + "mean %.2f, %d texts", attention, attribution, s.median(), s.q1(), s.q3(), s.mean(),
                        s.texts())).orElse("");
    }
}
