package org.attentionatlas.reports.figures;

import org.attentionatlas.engine.attention.WordAttention;
import org.attentionatlas.reports.data.AttentionSample;
import org.attentionatlas.reports.render.Caption;
import org.attentionatlas.reports.render.ChartFigure;
import org.attentionatlas.reports.render.ColorScale;
import org.attentionatlas.reports.render.Figure;

/** Token × token attention of a sampled document: one head, the head average of a layer, or word level. */
public final class TokenHeatmaps {

    private TokenHeatmaps() {
    }

    public static Figure head(AttentionSample s, int layer, int head, Caption caption) {
        return matrix("layer " + layer + " head " + head + " — " + s.docId(), s.tokens(),
                toDouble(s.attention()[layer][head]), "attention", caption);
    }

    public static Figure layerMean(AttentionSample s, int layer, Caption caption) {
        return matrix("layer " + layer + ", mean of " + s.heads() + " heads — " + s.docId(), s.tokens(),
                toDouble(s.headMeans()[layer]), "attention", caption);
    }

    /** Head-averaged attention between words: a word's row is the mean of its sub-tokens' rows. */
    public static Figure wordLevel(AttentionSample s, int layer, Caption caption) {
        WordAttention w = WordAttention.of(TokenWords.encoding(s.tokens()));
        return matrix("layer " + layer + ", words, mean of heads — " + s.docId(), w.labels(),
                toDouble(w.aggregate(s.headMeans()[layer])), "attention", caption);
    }

    /** Any [query][key] matrix over tokens, e.g. a rollout or flow matrix. */
    public static Figure matrix(String title, String[] tokens, double[][] values, String valueLabel, Caption caption) {
        int cell = tokens.length > 64 ? 9 : tokens.length > 24 ? 13 : 22;
        Heatmap.Spec spec = new Heatmap.Spec(title, "query", labels(tokens), "key", labels(tokens), values,
                ColorScale.sequential(values), valueLabel, Heatmap::number, null, cell);
        return new ChartFigure(Heatmap.chart(spec), Heatmap.width(spec), Heatmap.height(spec), caption, title);
    }

    /** Position-prefixed labels: the same token may occur twice, and a symbol axis needs the position anyway. */
    static String[] labels(String[] tokens) {
        String[] out = new String[tokens.length];
        for (int i = 0; i < tokens.length; i++) {
            String t = tokens[i].length() > 16 ? tokens[i].substring(0, 15) + "…" : tokens[i];
            out[i] = i + " " + t;
        }
        return out;
    }

    public static double[][] toDouble(float[][] m) {
        double[][] out = new double[m.length][];
        for (int i = 0; i < m.length; i++) {
            out[i] = new double[m[i].length];
            for (int j = 0; j < m[i].length; j++) {
                out[i][j] = m[i][j];
            }
        }
        return out;
    }
}
