package org.attentionatlas.engine.agreement;

import org.attentionatlas.engine.attention.AttentionFlow;
import org.attentionatlas.engine.attention.AttentionMeasure;
import org.attentionatlas.engine.attention.AttentionRollout;
import org.attentionatlas.engine.attention.RawAttention;

/**
 * Per-token scores read from attention for one target position: what the last layer's heads (averaged) put on each
 * token, the rollout and the max-flow (Abnar &amp; Zuidema 2020) into the target, and the last layer's head-averaged
 * norm-based attention α_ij·‖f(x_j)‖ (Kobayashi et al. 2020). A target of −1 stands for the mean
 * pooling of sentence-embedding models: the scores are averaged over every position.
 */
public final class AttentionScores {

    private AttentionScores() {
    }

    public static double[] lastLayer(RawAttention raw, int target) {
        float[][] a = raw.headMean(raw.layers() - 1);
        double[][] m = new double[a.length][a.length];
        for (int q = 0; q < a.length; q++) {
            for (int k = 0; k < a.length; k++) {
                m[q][k] = a[q][k];
            }
        }
        return targetRow(m, target);
    }

    /** The last layer's head-averaged row of α·‖f(x)‖; the raw attention must carry its value norms. */
    public static double[] normBased(RawAttention raw, int target) {
        return lastLayer(raw.measured(AttentionMeasure.NORMS), target);
    }

    public static double[] rollout(RawAttention raw, int target) {
        return targetRow(AttentionRollout.of(raw).rollout(), target);
    }

    public static double[] maxFlow(RawAttention raw, int target) {
        AttentionFlow flow = AttentionFlow.of(raw);
        if (target < 0) {
            return targetRow(flow.matrix(), target);
        }
        double[] out = new double[flow.tokens()];
        for (int k = 0; k < out.length; k++) {
            out[k] = flow.value(k, flow.layers(), target); // one row: n max-flow solves instead of n²
        }
        return out;
    }

    /** Row {@code target} of a [query][key] matrix, or the mean of its rows for target −1. */
    private static double[] targetRow(double[][] m, int target) {
        if (target >= 0) {
            return m[target].clone();
        }
        double[] out = new double[m.length];
        for (double[] row : m) {
            for (int k = 0; k < out.length; k++) {
                out[k] += row[k] / m.length;
            }
        }
        return out;
    }
}
