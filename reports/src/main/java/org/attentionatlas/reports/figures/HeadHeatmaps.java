package org.attentionatlas.reports.figures;

import org.attentionatlas.engine.stats.HeadStat;
import org.attentionatlas.reports.data.HeadGroup;
import org.attentionatlas.reports.render.Caption;
import org.attentionatlas.reports.render.ChartFigure;
import org.attentionatlas.reports.render.ColorScale;
import org.attentionatlas.reports.render.Figure;
import org.attentionatlas.results.HeadRoles;
import org.jfree.chart.renderer.PaintScale;

import java.awt.Color;
import java.awt.Paint;
import java.util.ArrayList;
import java.util.List;

/** Layer × head heatmaps of one head_stats group: one per statistic, and the role map. */
public final class HeadHeatmaps {

    /** Role labels in legend order: the results contract's one head-role rule. */
    public static final List<String> ROLES = HeadRoles.ALL;
    private static final Color[] ROLE_COLORS = {new Color(0x4477AA), new Color(0xEE6677), new Color(0x228833),
            new Color(0xCCBB44), new Color(0x66CCEE), new Color(0xBBBBBB), new Color(0xAA3377)};

    private HeadHeatmaps() {
    }

    public static String[] indexLabels(int n) {
        String[] out = new String[n];
        for (int i = 0; i < n; i++) {
            out[i] = Integer.toString(i);
        }
        return out;
    }

    /** The spec of a per-head grid with a given colour scale (shared by comparison panels). */
    public static Heatmap.Spec spec(String title, double[][] values, String valueLabel, PaintScale scale) {
        return new Heatmap.Spec(title, "layer", indexLabels(values.length), "head", indexLabels(values[0].length),
                values, scale, valueLabel, Heatmap::number, null, 24);
    }

    public static Figure stat(HeadGroup g, HeadStat s, Caption caption) {
        double[][] v = g.stat(s);
        Heatmap.Spec spec = spec(s.column() + " — " + g.label(), v, s.column(), ColorScale.sequential(v));
        return new ChartFigure(Heatmap.chart(spec), Heatmap.width(spec), Heatmap.height(spec), caption,
                s.column() + " per layer and head, " + g.label());
    }

    public static Figure roles(HeadGroup g, Caption caption) {
        Heatmap.Spec spec = roleSpec(g, "head roles — " + g.label());
        return new ChartFigure(Heatmap.chart(spec), Heatmap.width(spec), Heatmap.height(spec), caption,
                "role of each head, " + g.label());
    }

    /** The role map of one group as a panel of a {@link org.attentionatlas.reports.render.FigureRow}. */
    public static ChartFigure rolePanel(HeadGroup g, String title) {
        Heatmap.Spec spec = roleSpec(g, title);
        return ChartFigure.panel(Heatmap.chart(spec), Heatmap.width(spec), Heatmap.height(spec), title);
    }

    private static Heatmap.Spec roleSpec(HeadGroup g, String title) {
        List<String> names = new ArrayList<>(ROLES);
        double[][] idx = new double[g.layers()][g.heads()];
        for (int l = 0; l < g.layers(); l++) {
            for (int h = 0; h < g.heads(); h++) {
                String r = g.roles()[l][h];
                if (r == null) {
                    idx[l][h] = Double.NaN;
                    continue;
                }
                if (!names.contains(r)) {
                    names.add(r); // a label this report does not know yet still gets a colour
                }
                idx[l][h] = names.indexOf(r);
            }
        }
        String[] categories = names.toArray(new String[0]);
        return new Heatmap.Spec(title, "layer", indexLabels(g.layers()), "head",
                indexLabels(g.heads()), idx, new CategoryScale(categories.length), "role",
                v -> Double.isFinite(v) ? categories[(int) v] : "n/a", categories, 24);
    }

    /** Category index → a fixed qualitative colour. */
    private record CategoryScale(int count) implements PaintScale {
        @Override
        public double getLowerBound() {
            return 0;
        }

        @Override
        public double getUpperBound() {
            return Math.max(1, count - 1);
        }

        @Override
        public Paint getPaint(double value) {
            if (!Double.isFinite(value)) {
                return ColorScale.MISSING;
            }
            return ROLE_COLORS[Math.min(ROLE_COLORS.length - 1, (int) value)];
        }
    }
}
