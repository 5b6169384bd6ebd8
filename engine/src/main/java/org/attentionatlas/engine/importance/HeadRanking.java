package org.attentionatlas.engine.importance;

import java.util.Arrays;
import java.util.Comparator;
import java.util.stream.IntStream;

/**
 * Importance scores from {@link ImportanceSums}, normalised and ranked as Michel et al.'s code does
 * ({@code compute_heads_importance}, kept in Hugging Face's {@code run_bertology.py}): each layer's scores divided by
 * their L2 norm (exponent 2), then heads ranked over the whole model, 0 the most important. (Their final min–max
 * rescaling over the model changes no rank and is left out.)
 *
 * @param raw        E_x |∂L_x/∂ξ| per head, layer-major
 * @param normalised raw divided by its layer's L2 norm
 * @param rank       0-based rank of each head by normalised importance, descending (ties: lower layer, then head)
 */
public record HeadRanking(int layers, int heads, double[] raw, double[] normalised, int[] rank) {

    public static HeadRanking of(ImportanceSums sums) {
        if (sums.sequences() == 0) {
            throw new IllegalArgumentException("no sequence was scored: head importance needs at least one");
        }
        int l = sums.layers();
        int h = sums.heads();
        double[] raw = Arrays.stream(sums.absGradient()).map(v -> v / sums.sequences()).toArray();
        double[] norm = new double[raw.length];
        for (int layer = 0; layer < l; layer++) {
            double sq = 0;
            for (int head = 0; head < h; head++) {
                sq += raw[layer * h + head] * raw[layer * h + head];
            }
            double n = Math.sqrt(sq) + 1e-20; // their epsilon: a layer of zeros stays zero
            for (int head = 0; head < h; head++) {
                norm[layer * h + head] = raw[layer * h + head] / n;
            }
        }
        Integer[] order = IntStream.range(0, raw.length).boxed().toArray(Integer[]::new);
        Arrays.sort(order, Comparator.<Integer>comparingDouble(i -> -norm[i]).thenComparingInt(i -> i));
        int[] rank = new int[raw.length];
        for (int r = 0; r < order.length; r++) {
            rank[order[r]] = r;
        }
        return new HeadRanking(l, h, raw, norm, rank);
    }

    /** How many heads a pruned fraction removes: ⌊fraction · heads⌋, as their {@code int(n · amount)}. */
    public int prunedCount(double fraction) {
        if (fraction < 0 || fraction > 1) {
            throw new IllegalArgumentException("pruned fraction must be in [0, 1], got " + fraction);
        }
        return (int) Math.floor(fraction * layers * heads + 1e-9);
    }

    /** keep[l][h]: false for the {@link #prunedCount} least important heads. */
    public boolean[][] keep(double fraction) {
        int first = layers * heads - prunedCount(fraction);
        boolean[][] keep = new boolean[layers][heads];
        for (int i = 0; i < rank.length; i++) {
            keep[i / heads][i % heads] = rank[i] < first;
        }
        return keep;
    }
}
