package org.attentionatlas.reports.figures;

import org.attentionatlas.reports.render.Caption;
import org.attentionatlas.reports.render.ChartFigure;
import org.attentionatlas.reports.render.Charts;
import org.attentionatlas.reports.render.ColorScale;
import org.attentionatlas.reports.render.Figure;
import org.attentionatlas.reports.render.FigureRow;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.CategoryAxis;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.labels.StandardCategoryToolTipGenerator;
import org.jfree.chart.plot.CategoryPlot;
import org.jfree.chart.plot.PlotOrientation;
import org.jfree.chart.renderer.category.BarRenderer;
import org.jfree.chart.renderer.category.StandardBarPainter;
import org.jfree.data.category.DefaultCategoryDataset;

import java.awt.Color;
import java.util.ArrayList;
import java.util.List;

/** Figures that set per-head grids against each other: side-by-side panels, differences, a ranking bar chart. */
public final class Comparisons {

    private Comparisons() {
    }

    /** One heatmap per variant on one shared colour scale, so equal colours mean equal values across panels. */
    public static Figure sideBySide(String statistic, List<String> names, List<double[][]> grids, Caption caption) {
        ColorScale scale = ColorScale.sequential(flatten(grids));
        List<ChartFigure> panels = new ArrayList<>();
        for (int i = 0; i < grids.size(); i++) {
            Heatmap.Spec spec = HeadHeatmaps.spec(statistic + " — " + names.get(i), grids.get(i), statistic, scale);
            panels.add(ChartFigure.panel(Heatmap.chart(spec), Heatmap.width(spec), Heatmap.height(spec), names.get(i)));
        }
        return new FigureRow(panels, caption, statistic + " per head for " + String.join(", ", names));
    }

    /** The per-head difference b − a on a diverging scale centred on 0. */
    public static Figure difference(String statistic, String label, double[][] delta, Caption caption) {
        Heatmap.Spec spec = HeadHeatmaps.spec("Δ " + statistic + " — " + label, delta, "Δ " + statistic,
                ColorScale.diverging(delta));
        return new ChartFigure(Heatmap.chart(spec), Heatmap.width(spec), Heatmap.height(spec), caption,
                "difference of " + statistic + " per head, " + label);
    }

    /** Horizontal bars of the top heads' scores, highest first. */
    public static Figure ranking(String title, List<HeadDifferenceRanking.Ranked> ranked, Caption caption) {
        DefaultCategoryDataset data = new DefaultCategoryDataset();
        for (HeadDifferenceRanking.Ranked r : ranked) {
            data.addValue(r.score(), "score", "L" + r.layer() + " H" + r.head());
        }
        CategoryAxis heads = new CategoryAxis("head");
        heads.setTickLabelFont(Charts.TICK);
        heads.setLabelFont(Charts.LABEL);
        NumberAxis score = new NumberAxis("difference score (Σ spread / sd)");
        score.setTickLabelFont(Charts.TICK);
        score.setLabelFont(Charts.LABEL);
        BarRenderer r = new BarRenderer();
        r.setBarPainter(new StandardBarPainter());
        r.setShadowVisible(false);
        r.setSeriesPaint(0, new Color(0x4477AA));
        r.setDefaultToolTipGenerator(new StandardCategoryToolTipGenerator("{1}: score {2}",
                java.text.NumberFormat.getNumberInstance(java.util.Locale.ROOT)));
        CategoryPlot plot = new CategoryPlot(data, heads, score, r);
        plot.setOrientation(PlotOrientation.HORIZONTAL);
        plot.setBackgroundPaint(Color.WHITE);
        plot.setRangeGridlinePaint(Color.LIGHT_GRAY);
        JFreeChart chart = Charts.styled(new JFreeChart(title, Charts.TITLE, plot, false));
        return new ChartFigure(chart, 560, 160 + 20 * Math.max(1, ranked.size()), caption, title);
    }

    private static double[][] flatten(List<double[][]> grids) {
        List<double[]> rows = new ArrayList<>();
        for (double[][] g : grids) {
            rows.addAll(List.of(g));
        }
        return rows.toArray(new double[0][]);
    }
}
