package org.attentionatlas.engine.attention;

/**
 * ‖f_h(x_j)‖ of every head and key of one text, [layer][head][key], from the value-norm hook points: what turns
 * attention weights into norm-based attention.
 *
 * @param attentions        of the encoder (or decoder-only) self-attention
 * @param decoderAttentions T5 decoder self-attention, else null
 * @param crossAttentions   T5 cross-attention over the encoder positions, else null
 */
public record ValueNorms(float[][][] attentions, float[][][] decoderAttentions, float[][][] crossAttentions) {

    /** α_ij·‖f(x_j)‖ for [layer][head][query][key] weights and [layer][head][key] norms (null stays null). */
    public static float[][][][] weigh(float[][][][] weights, float[][][] norms) {
        if (weights == null) {
            return null;
        }
        float[][][][] out = new float[weights.length][][][];
        for (int l = 0; l < weights.length; l++) {
            out[l] = weighLayer(weights[l], norms[l]);
        }
        return out;
    }

    /** One layer of {@link #weigh}: [head][query][key] weights and [head][key] norms. */
    public static float[][][] weighLayer(float[][][] weights, float[][] norms) {
        float[][][] out = new float[weights.length][][];
        for (int h = 0; h < weights.length; h++) {
            float[] n = norms[h];
            float[][] a = weights[h];
            out[h] = new float[a.length][];
            for (int q = 0; q < a.length; q++) {
                float[] row = new float[a[q].length];
                for (int k = 0; k < row.length; k++) {
                    row[k] = a[q][k] * n[k];
                }
                out[h][q] = row;
            }
        }
        return out;
    }
}
