package org.attentionatlas.web;

import org.attentionatlas.engine.attention.AttentionMeasure;
import org.attentionatlas.engine.attention.ValueNorms;

import java.util.Arrays;
import java.util.Set;

/**
 * What one attention request selects from a run: a layer, a head (or the mean of all heads, {@code head = -1}),
 * token or word level, attention weights or norm-based attention. Shared by the JSON API and the exports so both
 * show the same numbers.
 */
public record AttentionView(Inference inference, int layer, int head, boolean words, AttentionMeasure measure) {

    public static final int MEAN = -1;

    public static AttentionView of(Inference inference, String layer, String head, String words) {
        return of(inference, layer, head, words, null);
    }

    /** @param measure {@code weights} (default) or {@code norms}: α_ij·‖f(x_j)‖, Kobayashi et al. 2020 */
    public static AttentionView of(Inference inference, String layer, String head, String words, String measure) {
        int l = Params.intIn("layer", layer, 0, inference.layers() - 1, 0);
        int h = head == null || head.isBlank() || head.equals("mean") || head.equals("all") ? MEAN
                : Params.intIn("head", head, 0, inference.heads() - 1, 0);
        String m = Params.oneOf("measure", measure, Set.of("weights", "norms"), "weights");
        return new AttentionView(inference, l, h, "true".equals(words) || "1".equals(words),
                AttentionMeasure.parse("measure", m));
    }

    public String[] labels() {
        return words ? inference.words().labels() : inference.tokens();
    }

    /** [query][key] of the selected head, or the head mean, at token or word level. */
    public float[][] matrix() {
        float[][] m = head == MEAN ? mean(layerMatrices()) : layerMatrices()[head];
        return words ? inference.words().aggregate(m) : m;
    }

    /** [head][query][key] of every head in the layer (word level when asked). */
    public float[][][] allHeads() {
        float[][][] l = layerMatrices();
        if (!words) {
            return l;
        }
        float[][][] out = new float[l.length][][];
        for (int h = 0; h < l.length; h++) {
            out[h] = inference.words().aggregate(l[h]);
        }
        return out;
    }

    public String headLabel() {
        return head == MEAN ? "mean of " + inference.heads() + " heads" : "head " + head;
    }

    public String title() {
        return inference.model() + " — layer " + layer + ", " + headLabel() + (words ? ", words" : "")
                + (measure == AttentionMeasure.NORMS ? ", norm-based" : "");
    }

    private float[][][] layerMatrices() {
        float[][][] weights = inference.attention().attentions()[layer];
        return measure == AttentionMeasure.WEIGHTS ? weights
                : ValueNorms.weighLayer(weights, inference.attention().valueNorms().attentions()[layer]);
    }

    private static float[][] mean(float[][][] heads) {
        int n = heads[0].length;
        float[][] out = new float[n][];
        for (int q = 0; q < n; q++) {
            out[q] = new float[heads[0][q].length];
            for (float[][] head : heads) {
                for (int k = 0; k < out[q].length; k++) {
                    out[q][k] += head[q][k] / heads.length;
                }
            }
        }
        return out;
    }
}
