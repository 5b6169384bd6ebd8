package org.attentionatlas.engine.bias;

import java.util.ArrayList;
import java.util.List;

/** Pro-minus-anti gaps over sentence pairs aligned by id, and fractions of sentences above a threshold. */
public final class PairedGap {

    private PairedGap() {
    }

    /**
     * Mean of {@code pro[i] - anti[i]} with a bootstrap CI that resamples pairs (not sentences), so the CI keeps the
     * pairing. Pairs where either score is NaN are left out; {@code n} of the result says how many were used.
     */
    public static IntervalEstimate meanDifference(double[] pro, double[] anti, int resamples, long seed) {
        if (pro.length != anti.length) {
            throw new IllegalArgumentException(pro.length + " pro scores but " + anti.length + " anti scores");
        }
        List<Double> diffs = new ArrayList<>();
        for (int i = 0; i < pro.length; i++) {
            if (!Double.isNaN(pro[i]) && !Double.isNaN(anti[i])) {
                diffs.add(pro[i] - anti[i]);
            }
        }
        return Bootstrap.mean(diffs.stream().mapToDouble(Double::doubleValue).toArray(), resamples, seed);
    }

    /** Fraction of (non-NaN) scores strictly above {@code threshold}, with a bootstrap CI. */
    public static IntervalEstimate fractionAbove(double[] scores, double threshold, int resamples, long seed) {
        double[] hits = java.util.Arrays.stream(scores).filter(s -> !Double.isNaN(s))
                .map(s -> s > threshold ? 1.0 : 0.0).toArray();
        return Bootstrap.mean(hits, resamples, seed);
    }
}
