package org.attentionatlas.engine.contrast;

/** Jensen–Shannon divergence of two distributions over the same support, natural log (nats, at most ln 2). */
public final class JensenShannon {

    private JensenShannon() {
    }

    /** ½ KL(p‖m) + ½ KL(q‖m) with m = (p + q) / 2; p and q must each sum to 1 and have the same length. */
    public static double divergence(double[] p, double[] q) {
        if (p.length != q.length) {
            throw new IllegalArgumentException("distributions of " + p.length + " and " + q.length + " entries");
        }
        double js = 0;
        for (int i = 0; i < p.length; i++) {
            double m = (p[i] + q[i]) / 2;
            js += half(p[i], m) + half(q[i], m);
        }
        return Math.max(0, js); // rounding can leave −1e-17 for identical rows
    }

    private static double half(double x, double m) {
        return x > 0 ? 0.5 * x * Math.log(x / m) : 0;
    }
}
