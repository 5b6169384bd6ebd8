package org.attentionatlas.engine.attention;

/**
 * Attention rollout (Abnar &amp; Zuidema 2020). Each layer's head-averaged attention A_l is mixed with the residual
 * connection, Â_l = 0.5·A_l + 0.5·I with rows renormalised, and the layers are multiplied: R = Â_L···Â_1. Row q of
 * R says how much output token q draws on each input token. Layers are numbered 1..L here; layer 0 is the input.
 */
public final class AttentionRollout {

    private final double[][][] adjusted; // Â_l at index l-1, [query][key]
    private final double[][][] cumulative; // R_l = Â_l···Â_1 at index l-1

    private AttentionRollout(double[][][] adjusted) {
        this.adjusted = adjusted;
        this.cumulative = new double[adjusted.length][][];
        for (int l = 0; l < adjusted.length; l++) {
            cumulative[l] = l == 0 ? copy(adjusted[0]) : multiply(adjusted[l], cumulative[l - 1]);
        }
    }

    /** From head-averaged attention, [layer][query][key] with layer 0 the first transformer layer. */
    public static AttentionRollout of(float[][][] headMeans) {
        if (headMeans.length == 0) {
            throw new IllegalArgumentException("rollout needs at least one layer");
        }
        int n = headMeans[0].length;
        double[][][] adj = new double[headMeans.length][][];
        for (int l = 0; l < headMeans.length; l++) {
            if (headMeans[l].length != n) {
                throw new IllegalArgumentException("layer " + l + " has " + headMeans[l].length + " tokens, not " + n);
            }
            adj[l] = residualAdjusted(headMeans[l]);
        }
        return new AttentionRollout(adj);
    }

    /** From the raw attention of one text (encoder or decoder-only self-attention). */
    public static AttentionRollout of(RawAttention raw) {
        float[][][] means = new float[raw.layers()][][];
        for (int l = 0; l < means.length; l++) {
            means[l] = raw.headMean(l);
        }
        return of(means);
    }

    /** 0.5·A + 0.5·I, each row divided by its sum (rows that sum to 0 stay 0). */
    public static double[][] residualAdjusted(float[][] a) {
        int n = a.length;
        double[][] out = new double[n][n];
        for (int q = 0; q < n; q++) {
            if (a[q].length != n) {
                throw new IllegalArgumentException("attention must be square, row " + q + " has " + a[q].length);
            }
            double sum = 0;
            for (int k = 0; k < n; k++) {
                out[q][k] = 0.5 * a[q][k] + (q == k ? 0.5 : 0);
                sum += out[q][k];
            }
            for (int k = 0; sum > 0 && k < n; k++) {
                out[q][k] /= sum;
            }
        }
        return out;
    }

    public int layers() {
        return adjusted.length;
    }

    public int tokens() {
        return adjusted[0].length;
    }

    /** Â_l for layer l in 1..L, [query][key]. */
    public double[][] adjusted(int layer) {
        return copy(adjusted[check(layer)]);
    }

    /** R_l = Â_l···Â_1 for layer l in 1..L: row q is layer-l token q's mix of input tokens. */
    public double[][] upTo(int layer) {
        return copy(cumulative[check(layer)]);
    }

    /** R = Â_L···Â_1. */
    public double[][] rollout() {
        return upTo(layers());
    }

    /**
     * The rollout of one output token spread over the edges of the layered graph: the relevance ρ of (L, target) is 1,
     * edge (l−1, k)→(l, q) carries ρ_l(q)·Â_l[q][k] and ρ_{l−1}(k) is what arrives at k. The edges into layer 0 sum
     * to row {@code target} of R. Returns [l−1][q][k] for layers 1..L.
     */
    public double[][][] edgeRelevance(int target) {
        int n = tokens();
        double[] rho = new double[n];
        rho[target] = 1;
        double[][][] out = new double[layers()][n][n];
        for (int l = layers() - 1; l >= 0; l--) {
            double[] below = new double[n];
            for (int q = 0; q < n; q++) {
                for (int k = 0; k < n; k++) {
                    out[l][q][k] = rho[q] * adjusted[l][q][k];
                    below[k] += out[l][q][k];
                }
            }
            rho = below;
        }
        return out;
    }

    private int check(int layer) {
        if (layer < 1 || layer > adjusted.length) {
            throw new IndexOutOfBoundsException("layer " + layer + " outside 1.." + adjusted.length);
        }
        return layer - 1;
    }

    static double[][] multiply(double[][] a, double[][] b) {
        int n = a.length;
        int m = b[0].length;
        double[][] out = new double[n][m];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < b.length; j++) {
                double aij = a[i][j];
                if (aij == 0) {
                    continue;
                }
                for (int k = 0; k < m; k++) {
                    out[i][k] += aij * b[j][k];
                }
            }
        }
        return out;
    }

    private static double[][] copy(double[][] m) {
        double[][] out = new double[m.length][];
        for (int i = 0; i < m.length; i++) {
            out[i] = m[i].clone();
        }
        return out;
    }
}
