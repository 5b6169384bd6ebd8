package org.attentionatlas.engine.bias;

/** Attention between two groups of word units of one [query unit][key unit] matrix. */
public final class SpanAttention {

    private SpanAttention() {
    }

    /**
     * Attention that the {@code from} units pay to the {@code to} units: summed over the key units (a span's words
     * share its attention) and averaged over the query units (a multi-word pronoun span is one reader).
     */
    public static double between(float[][] unitAttention, int[] from, int[] to) {
        double sum = 0;
        for (int q : from) {
            for (int k : to) {
                sum += unitAttention[q][k];
            }
        }
        return sum / from.length;
    }

    /** gold / (gold + other); NaN when both are zero. */
    public static double share(double gold, double other) {
        double total = gold + other;
        return total > 0 ? gold / total : Double.NaN;
    }
}
