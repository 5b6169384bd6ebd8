package org.attentionatlas.engine.attention;

import org.attentionatlas.engine.tokenize.Encoding;

/**
 * Full attention matrices of one text, [layer][head][query][key], cut to the text's own length. Only for users who
 * ask for raw matrices (inspect, the web page, report samples): corpus statistics never build these.
 *
 * @param encoding the tokenized text
 * @param attentions encoder (or decoder-only) self-attention
 * @param decoderAttentions T5 decoder self-attention, else null
 * @param crossAttentions   T5 cross-attention [layer][head][decoder_q][encoder_k], else null
 * @param decoderIds        T5 decoder input ids, else null
 * @param valueNorms        ‖f(x_j)‖ per layer, head and key when the extractor was asked for them, else null
 */
public record RawAttention(Encoding encoding, float[][][][] attentions, float[][][][] decoderAttentions,
                           float[][][][] crossAttentions, int[] decoderIds, ValueNorms valueNorms) {

    /** Weights without value norms: {@link #measured} can only give {@link AttentionMeasure#WEIGHTS}. */
    public RawAttention(Encoding encoding, float[][][][] attentions, float[][][][] decoderAttentions,
                        float[][][][] crossAttentions, int[] decoderIds) {
        this(encoding, attentions, decoderAttentions, crossAttentions, decoderIds, null);
    }

    /** These matrices in the given measure: the weights themselves, or norm-based α_ij·‖f(x_j)‖. */
    public RawAttention measured(AttentionMeasure measure) {
        if (measure == AttentionMeasure.WEIGHTS) {
            return this;
        }
        if (valueNorms == null) {
            throw new IllegalStateException("norm-based attention needs the value norms: extract with them");
        }
        return new RawAttention(encoding, ValueNorms.weigh(attentions, valueNorms.attentions()),
                ValueNorms.weigh(decoderAttentions, valueNorms.decoderAttentions()),
                ValueNorms.weigh(crossAttentions, valueNorms.crossAttentions()), decoderIds, valueNorms);
    }

    public int layers() {
        return attentions.length;
    }

    public int heads() {
        return attentions[0].length;
    }

    /** Head-averaged attention of one layer, [query][key]. */
    public float[][] headMean(int layer) {
        return headMean(attentions[layer]);
    }

    /** The mean over heads of [head][query][key] matrices. */
    public static float[][] headMean(float[][][] l) {
        int n = l[0].length;
        float[][] out = new float[n][n];
        for (float[][] head : l) {
            for (int q = 0; q < n; q++) {
                for (int k = 0; k < n; k++) {
                    out[q][k] += head[q][k] / l.length;
                }
            }
        }
        return out;
    }
}
