package org.attentionatlas.reports.bias;

import org.attentionatlas.reports.figures.HeadHeatmaps;
import org.attentionatlas.reports.figures.Heatmap;
import org.attentionatlas.reports.render.Caption;
import org.attentionatlas.reports.render.ChartFigure;
import org.attentionatlas.reports.render.ColorScale;
import org.attentionatlas.reports.render.Figure;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/** The bias section's figures: a layer × head heatmap per metric and a pronoun-attention strip per example pair. */
public final class BiasFigures {

    /** Word labels of special tokens: [CLS], [SEP], <s>, </s>. */
    private static final Pattern SPECIAL = Pattern.compile("\\[[A-Z]+\\]|</?s>|<pad>|<unk>");

    private BiasFigures() {
    }

    /** Diverging around 0 (a gap, a ρ, a she − he difference), hover for each head's value. */
    public static Figure heads(BiasResults.HeadGrid g, Caption caption) {
        String title = g.metric() + " per head — " + g.model() + ", " + g.dataset() + " (" + g.group() + ")";
        Heatmap.Spec spec = HeadHeatmaps.spec(title, g.values(), g.metric(), ColorScale.diverging(g.values()));
        return new ChartFigure(Heatmap.chart(spec), Heatmap.width(spec), Heatmap.height(spec), caption, title);
    }

    /**
     * Two rows, one per sentence of the pair: the pronoun's head-averaged attention to each word, special tokens
     * ([CLS], [SEP], &lt;s&gt;…) left out so that the words' differences show. Columns are the first sentence's words
     * (the two differ only in the pronoun); a shorter row is padded with n/a.
     */
    public static Figure pronounStrip(BiasResults.ExamplePair p, Caption caption) {
        BiasResults.Side a = p.first();
        BiasResults.Side b = p.second();
        BiasResults.Side longer = a.words().length >= b.words().length ? a : b;
        List<Integer> keep = new ArrayList<>();
        for (int i = 0; i < longer.words().length; i++) {
            if (!SPECIAL.matcher(longer.words()[i]).matches()) {
                keep.add(i);
            }
        }
        String[] words = keep.stream().map(i -> longer.words()[i]).toArray(String[]::new);
        double[][] values = {kept(a.pronounRow(), keep), kept(b.pronounRow(), keep)};
        String[] rows = {a.variant() + " (" + a.pronoun() + ")", b.variant() + " (" + b.pronoun() + ")"};
        String title = "pronoun attention — " + p.dataset() + " " + p.id();
        Heatmap.Spec spec = new Heatmap.Spec(title, "sentence", rows, "word", words, values,
                ColorScale.sequential(values), "attention", Heatmap::number, null, 28);
        return new ChartFigure(Heatmap.chart(spec), Heatmap.width(spec), Heatmap.height(spec), caption, title);
    }

    private static double[] kept(double[] row, List<Integer> keep) {
        double[] out = new double[keep.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = keep.get(i) < row.length ? row[keep.get(i)] : Double.NaN;
        }
        return out;
    }
}
