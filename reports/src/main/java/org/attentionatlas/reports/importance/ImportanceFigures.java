package org.attentionatlas.reports.importance;

import org.attentionatlas.engine.importance.PruningCurve;
import org.attentionatlas.reports.figures.HeadHeatmaps;
import org.attentionatlas.reports.figures.Heatmap;
import org.attentionatlas.reports.render.Caption;
import org.attentionatlas.reports.render.ChartFigure;
import org.attentionatlas.reports.render.Charts;
import org.attentionatlas.reports.render.ColorScale;
import org.attentionatlas.reports.render.Figure;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.AxisLocation;
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

/** The pruning curve (masked-LM accuracy and loss against the share of heads removed) and the importance map. */
final class ImportanceFigures {

    private static final Color ACCURACY = new Color(0x4477AA);
    private static final Color LOSS = new Color(0xEE6677);

    private ImportanceFigures() {
    }

    static Figure pruningCurve(String label, PruningCurve curve, Caption caption) {
        XYSeries accuracy = new XYSeries("masked-LM accuracy %");
        XYSeries loss = new XYSeries("masked-LM loss (nats per token)");
        for (PruningCurve.Point p : curve.points()) {
            accuracy.add(100 * p.fraction(), 100 * p.accuracy());
            loss.add(100 * p.fraction(), p.loss());
        }
        NumberAxis x = axis("heads pruned, least important first (%)");
        NumberAxis left = axis("accuracy %");
        NumberAxis right = axis("loss");
        XYPlot plot = new XYPlot(new XYSeriesCollection(accuracy), x, left, renderer(ACCURACY, "accuracy"));
        plot.setRangeAxis(1, right);
        plot.setDataset(1, new XYSeriesCollection(loss));
        plot.setRenderer(1, renderer(LOSS, "loss"));
        plot.mapDatasetToRangeAxis(1, 1);
        plot.setRangeAxisLocation(1, AxisLocation.BOTTOM_OR_RIGHT);
        plot.setBackgroundPaint(Color.WHITE);
        plot.setDomainGridlinePaint(Color.LIGHT_GRAY);
        plot.setRangeGridlinePaint(Color.LIGHT_GRAY);
        JFreeChart chart = new JFreeChart("Pruning curve — " + label, Charts.TITLE, plot, false);
        LegendTitle legend = new LegendTitle(plot);
        legend.setPosition(RectangleEdge.BOTTOM);
        legend.setItemFont(Charts.TICK);
        chart.addSubtitle(legend);
        return new ChartFigure(Charts.styled(chart), 640, 420, caption, "pruning curve, " + label);
    }

    static Figure importanceMap(String label, double[][] importance, Caption caption) {
        Heatmap.Spec spec = HeadHeatmaps.spec("head importance (layer-normalised) — " + label, importance,
                "importance", ColorScale.sequential(importance));
        return new ChartFigure(Heatmap.chart(spec), Heatmap.width(spec), Heatmap.height(spec), caption,
                "head importance per layer and head, " + label);
    }

    private static NumberAxis axis(String label) {
        NumberAxis a = new NumberAxis(label);
        a.setAutoRangeIncludesZero(false);
        a.setLabelFont(Charts.LABEL);
        a.setTickLabelFont(Charts.TICK);
        return a;
    }

    private static XYLineAndShapeRenderer renderer(Color color, String what) {
        XYLineAndShapeRenderer r = new XYLineAndShapeRenderer(true, true);
        r.setSeriesPaint(0, color);
        r.setSeriesShape(0, new Ellipse2D.Double(-3, -3, 6, 6));
        r.setDefaultToolTipGenerator(new StandardXYToolTipGenerator("{1} % pruned: " + what + " {2}",
                new DecimalFormat("0"), new DecimalFormat("0.000")));
        return r;
    }
}
