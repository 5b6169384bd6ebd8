package org.attentionatlas.reports.figures;

import org.attentionatlas.engine.contrast.Contrast;
import org.attentionatlas.engine.contrast.LayerContrast;
import org.attentionatlas.reports.render.Caption;
import org.attentionatlas.reports.render.ChartFigure;
import org.attentionatlas.reports.render.ColorScale;
import org.attentionatlas.reports.render.Figure;

import java.util.List;
import java.util.Set;

/**
 * The contrast views as figures: the divergence grid (layers × heads, or one column per layer for rollout and flow)
 * and the difference heatmap A − B on the aligned words, on a diverging scale.
 */
public final class ContrastFigures {

    /** What is compared: single heads, or the per-layer rollout or max-flow. */
    public static final Set<String> KINDS = Set.of("heads", "rollout", "flow");
    private static final String JS = "JS divergence (nats)";

    private ContrastFigures() {
    }

    /** The divergence grid; {@code kind} one of {@link #KINDS} (flow must have been computed). */
    public static Figure grid(Contrast c, String kind, Caption caption) {
        String title = title(c, kind) + " — divergence";
        double[][] values = kind.equals("heads") ? c.divergence() : column(layers(c, kind).divergence());
        String[] columns = kind.equals("heads") ? HeadHeatmaps.indexLabels(c.heads()) : new String[] {kind};
        Heatmap.Spec spec = new Heatmap.Spec(title, "layer", HeadHeatmaps.indexLabels(values.length),
                kind.equals("heads") ? "head" : "", columns, values, ColorScale.sequential(0, max(values)),
                JS, Heatmap::number, null, 24);
        return new ChartFigure(Heatmap.chart(spec), Heatmap.width(spec), Heatmap.height(spec), caption, title);
    }

    /** A − B of one head ({@code kind} heads) or one layer (rollout, flow; {@code head} ignored). */
    public static Figure difference(Contrast c, String kind, int layer, int head, Caption caption) {
        float[][] diff = kind.equals("heads") ? c.difference()[layer][head] : layers(c, kind).difference()[layer];
        String where = kind.equals("heads") ? "layer " + layer + " head " + head : kind + " layer " + layer;
        String title = title(c, kind) + " — A − B, " + where;
        String[] words = alignedWords(c);
        double[][] values = TokenHeatmaps.toDouble(diff);
        Heatmap.Spec spec = new Heatmap.Spec(title, "query", TokenHeatmaps.labels(words), "key",
                TokenHeatmaps.labels(words), values, ColorScale.diverging(values), "A − B", Heatmap::number, null,
                words.length > 24 ? 13 : 22);
        return new ChartFigure(Heatmap.chart(spec), Heatmap.width(spec), Heatmap.height(spec), caption, title);
    }

    /** The aligned units' labels (A's spelling), in order: the rows and columns of every difference. */
    public static String[] alignedWords(Contrast c) {
        String[] labels = c.a().words().labels();
        List<int[]> aligned = c.diff().aligned();
        String[] out = new String[aligned.size()];
        for (int r = 0; r < out.length; r++) {
            out[r] = labels[aligned.get(r)[0]];
        }
        return out;
    }

    private static LayerContrast layers(Contrast c, String kind) {
        LayerContrast l = kind.equals("rollout") ? c.rollout() : c.flow();
        if (l == null) {
            throw new IllegalArgumentException("no " + kind + " in this contrast: " + c.flowSkipped());
        }
        return l;
    }

    private static String title(Contrast c, String kind) {
        String a = c.a().provenance().name();
        String b = c.b().provenance().name();
        String models = a.equals(b) ? a : a + " vs " + b;
        return models + " " + (kind.equals("heads") ? "heads" : kind);
    }

    /** The largest value, at least 1e-9 so that a grid of zeros still has a scale. */
    private static double max(double[][] values) {
        double m = 1e-9;
        for (double[] row : values) {
            for (double v : row) {
                m = Math.max(m, v);
            }
        }
        return m;
    }

    private static double[][] column(double[] values) {
        double[][] out = new double[values.length][1];
        for (int i = 0; i < values.length; i++) {
            out[i][0] = values[i];
        }
        return out;
    }
}
