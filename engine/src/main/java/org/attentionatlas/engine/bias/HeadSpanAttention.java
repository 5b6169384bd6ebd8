package org.attentionatlas.engine.bias;

import org.attentionatlas.engine.attention.RawAttention;
import org.attentionatlas.engine.attention.WordAttention;

/**
 * Word-level attention from one span to another in every head, [layer][head]. Word aggregation is linear, so
 * averages over heads or layers of these values equal the same span attention computed on averaged matrices.
 */
public final class HeadSpanAttention {

    private HeadSpanAttention() {
    }

    public static double[][] of(RawAttention raw, WordAttention words, int[] fromUnits, int[] toUnits) {
        float[][][][] a = raw.attentions();
        double[][] out = new double[a.length][];
        for (int l = 0; l < a.length; l++) {
            out[l] = new double[a[l].length];
            for (int h = 0; h < a[l].length; h++) {
                out[l][h] = SpanAttention.between(words.aggregate(a[l][h]), fromUnits, toUnits);
            }
        }
        return out;
    }

    /** Mean over heads, per layer. */
    public static double[] headMean(double[][] perHead) {
        double[] out = new double[perHead.length];
        for (int l = 0; l < perHead.length; l++) {
            out[l] = java.util.Arrays.stream(perHead[l]).average().orElse(Double.NaN);
        }
        return out;
    }

    /** Mean over every layer and head. */
    public static double mean(double[][] perHead) {
        return java.util.Arrays.stream(perHead).flatMapToDouble(java.util.Arrays::stream).average().orElse(Double.NaN);
    }
}
