package org.attentionatlas.engine.bias;

import java.util.SplittableRandom;

/** Permutation p-values for Spearman's rho (seeded, so reproducible). */
public final class PermutationTest {

    public static final int DEFAULT_PERMUTATIONS = 10000;

    private PermutationTest() {
    }

    /**
     * Two-sided: the share of random pairings of x with shuffled y whose |rho| reaches the observed |rho|, counting
     * the observed pairing itself ((hits + 1) / (permutations + 1)) so p is never 0. Ranks are computed once: a
     * permutation of y permutes its ranks.
     */
    public static Correlation spearman(double[] x, double[] y, int permutations, long seed) {
        double observed = Spearman.rho(x, y);
        if (Double.isNaN(observed)) {
            return new Correlation(Double.NaN, Double.NaN, x.length);
        }
        double[] rx = Spearman.ranks(x);
        double[] ry = Spearman.ranks(y);
        SplittableRandom random = new SplittableRandom(seed);
        double target = Math.abs(observed) - 1e-12;
        int hits = 0;
        for (int p = 0; p < permutations; p++) {
            shuffle(ry, random);
            if (Math.abs(Spearman.pearson(rx, ry)) >= target) {
                hits++;
            }
        }
        return new Correlation(observed, (hits + 1.0) / (permutations + 1.0), x.length);
    }

    private static void shuffle(double[] a, SplittableRandom random) {
        for (int i = a.length - 1; i > 0; i--) {
            int j = random.nextInt(i + 1);
            double t = a[i];
            a[i] = a[j];
            a[j] = t;
        }
    }
}
