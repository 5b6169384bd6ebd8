package org.attentionatlas.engine.bias;

import java.util.Arrays;
import java.util.SplittableRandom;
import java.util.function.ToDoubleFunction;

/** Percentile bootstrap confidence intervals; the seed makes every interval reproducible. */
public final class Bootstrap {

    public static final int DEFAULT_RESAMPLES = 2000;
    public static final long DEFAULT_SEED = 20260513L;

    private Bootstrap() {
    }

    /** 95% CI of the mean. */
    public static IntervalEstimate mean(double[] values, int resamples, long seed) {
        return percentile(values, Bootstrap::average, resamples, seed);
    }

    /** 95% percentile CI of {@code statistic}: resample with replacement, take the 2.5% and 97.5% quantiles. */
    public static IntervalEstimate percentile(double[] values, ToDoubleFunction<double[]> statistic, int resamples, long seed) {
        if (values.length == 0) {
            return new IntervalEstimate(Double.NaN, Double.NaN, Double.NaN, 0);
        }
        if (resamples <= 0) {
            throw new IllegalArgumentException("resamples must be positive, got " + resamples);
        }
        SplittableRandom random = new SplittableRandom(seed);
        double[] stats = new double[resamples];
        double[] sample = new double[values.length];
        for (int r = 0; r < resamples; r++) {
            for (int i = 0; i < sample.length; i++) {
                sample[i] = values[random.nextInt(values.length)];
            }
            stats[r] = statistic.applyAsDouble(sample);
        }
        Arrays.sort(stats);
        return new IntervalEstimate(statistic.applyAsDouble(values), quantile(stats, 0.025), quantile(stats, 0.975),
                values.length);
    }

    /** Linear interpolation between order statistics (numpy's default, "type 7"). */
    public static double quantile(double[] sorted, double p) {
        double pos = p * (sorted.length - 1);
        int lo = (int) Math.floor(pos);
        int hi = Math.min(lo + 1, sorted.length - 1);
        return sorted[lo] + (pos - lo) * (sorted[hi] - sorted[lo]);
    }

    static double average(double[] v) {
        double s = 0;
        for (double x : v) {
            s += x;
        }
        return s / v.length;
    }
}
