package org.attentionatlas.engine.agreement;

import java.util.Arrays;

/** Sums over the groups of tied values (sizes t) that Kendall's variance needs. */
final class TieGroups {

    private TieGroups() {
    }

    /** {Σ t(t−1)(2t+5), Σ t(t−1), Σ t(t−1)(t−2)} over the tie groups of {@code v}. */
    static double[] sums(double[] v) {
        double[] sorted = v.clone();
        Arrays.sort(sorted);
        double[] out = new double[3];
        int i = 0;
        while (i < sorted.length) {
            int j = i;
            while (j + 1 < sorted.length && sorted[j + 1] == sorted[i]) {
                j++;
            }
            double t = j - i + 1;
            out[0] += t * (t - 1) * (2 * t + 5);
            out[1] += t * (t - 1);
            out[2] += t * (t - 1) * (t - 2);
            i = j + 1;
        }
        return out;
    }
}
