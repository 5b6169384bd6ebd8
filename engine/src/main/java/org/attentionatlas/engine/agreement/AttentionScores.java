package org.attentionatlas.engine.agreement;

import org.attentionatlas.engine.attention.AttentionFlow;
import org.attentionatlas.engine.attention.AttentionRollout;
import org.attentionatlas.engine.attention.RawAttention;

/**
 * Per-token scores read from attention for one target position: what the last layer's heads (averaged) put on each
 * token, the rollout and the max-flow (Abnar &amp; Zuidema 2020) into the target. A target of −1 stands for the mean
 * pooling of sentence-embedding models: the scores are averaged over every position.
 */
public final class AttentionScores {

    private AttentionScores() {
    }

    public static double[] lastLayer(RawAttention raw, int target) {
        float[][] a = raw.headMean(raw.layers() - 1);
        double[] out = new double[a.length];
        for (int q : rows(target, a.length)) {
            for (int k = 0; k < a.length; k++) {
                out[k] += a[q][k];
            }
        }
        return scale(out, target, a.length);
    }

    public static double[] rollout(RawAttention raw, int target) {
        double[][] r = AttentionRollout.of(raw).rollout();
        double[] out = new double[r.length];
        for (int q : rows(target, r.length)) {
            for (int k = 0; k < r.length; k++) {
                out[k] += r[q][k];
            }
        }
        return scale(out, target, r.length);
    }

    public static double[] maxFlow(RawAttention raw, int target) {
        AttentionFlow flow = AttentionFlow.of(raw);
        int n = flow.tokens();
        double[] out = new double[n];
        if (target >= 0) {
            for (int k = 0; k < n; k++) {
                out[k] = flow.value(k, flow.layers(), target);
            }
            return out;
        }
        double[][] m = flow.matrix();
        for (double[] row : m) {
            for (int k = 0; k < n; k++) {
                out[k] += row[k] / n;
            }
        }
        return out;
    }

    private static int[] rows(int target, int n) {
        return target >= 0 ? new int[] {target} : java.util.stream.IntStream.range(0, n).toArray();
    }

    private static double[] scale(double[] sums, int target, int n) {
        if (target < 0) {
            for (int k = 0; k < n; k++) {
                sums[k] /= n;
            }
        }
        return sums;
    }
}
