package org.attentionatlas.engine.bias;

/** A point estimate with a 95% confidence interval over {@code n} observations. */
public record IntervalEstimate(double value, double lower, double upper, int n) {

    @Override
    public String toString() {
        return String.format(java.util.Locale.ROOT, "%.4f [%.4f, %.4f] (n=%d)", value, lower, upper, n);
    }
}
