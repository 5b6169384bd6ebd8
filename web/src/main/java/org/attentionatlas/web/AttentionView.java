package org.attentionatlas.web;

/**
 * What one attention request selects from a run: a layer, a head (or the mean of all heads, {@code head = -1}),
 * token or word level. Shared by the JSON API and the exports so both show the same numbers.
 */
public record AttentionView(Inference inference, int layer, int head, boolean words) {

    public static final int MEAN = -1;

    public static AttentionView of(Inference inference, String layer, String head, String words) {
        int l = Params.intIn("layer", layer, 0, inference.layers() - 1, 0);
        int h = head == null || head.isBlank() || head.equals("mean") || head.equals("all") ? MEAN
                : Params.intIn("head", head, 0, inference.heads() - 1, 0);
        return new AttentionView(inference, l, h, "true".equals(words) || "1".equals(words));
    }

    public String[] labels() {
        return words ? inference.words().labels() : inference.tokens();
    }

    /** [query][key] of the selected head, or the head mean, at token or word level. */
    public float[][] matrix() {
        float[][] m = head == MEAN ? inference.attention().headMean(layer) : inference.attention().attentions()[layer][head];
        return words ? inference.words().aggregate(m) : m;
    }

    /** [head][query][key] of every head in the layer (word level when asked). */
    public float[][][] allHeads() {
        float[][][] l = inference.attention().attentions()[layer];
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
        return inference.model() + " — layer " + layer + ", " + headLabel() + (words ? ", words" : "");
    }
}
