package org.attentionatlas.engine.agreement;

/**
 * Kendall's τ-b between two score vectors (ties in either count as neither concordant nor discordant) with the
 * two-sided p-value of the normal approximation with the tie-corrected variance of S (Kendall 1970; scipy's
 * {@code kendalltau(method='asymptotic')}).
 *
 * @param tau τ-b in [−1, 1]; NaN when either vector is constant
 * @param p   two-sided p-value; NaN with τ
 */
public record KendallTau(double tau, double p) {

    public static KendallTau of(double[] x, double[] y) {
        int n = x.length;
        if (y.length != n) {
            throw new IllegalArgumentException("vectors of " + n + " and " + y.length + " values");
        }
        long s = 0;
        long pairs = (long) n * (n - 1) / 2;
        long tiedX = 0;
        long tiedY = 0;
        for (int i = 0; i < n; i++) {
            for (int j = i + 1; j < n; j++) {
                int a = Double.compare(x[i], x[j]);
                int b = Double.compare(y[i], y[j]);
                if (a == 0) {
                    tiedX++;
                }
                if (b == 0) {
                    tiedY++;
                }
                s += (long) Integer.signum(a) * Integer.signum(b);
            }
        }
        double denominator = Math.sqrt((double) (pairs - tiedX) * (pairs - tiedY));
        if (n < 2 || denominator == 0) {
            return new KendallTau(Double.NaN, Double.NaN);
        }
        double tau = s / denominator;
        double sd = Math.sqrt(varianceOfS(x, y));
        double p = sd == 0 ? Double.NaN : Math.min(1, Normal.twoSidedP(s / sd));
        return new KendallTau(tau, p);
    }

    /** Var(S) under independence with ties in both vectors. */
    private static double varianceOfS(double[] x, double[] y) {
        double n = x.length;
        double[] tx = TieGroups.sums(x);
        double[] ty = TieGroups.sums(y);
        double v0 = n * (n - 1) * (2 * n + 5);
        return (v0 - tx[0] - ty[0]) / 18 + tx[1] * ty[1] / (2 * n * (n - 1))
                + tx[2] * ty[2] / (9 * n * (n - 1) * (n - 2));
    }
}
