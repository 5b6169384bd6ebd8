package org.attentionatlas.engine.bias;

/** A rank correlation with its two-sided permutation p-value over {@code n} pairs. */
public record Correlation(double rho, double pValue, int n) {

    @Override
    public String toString() {
        return String.format(java.util.Locale.ROOT, "rho=%.4f p=%.4f (n=%d)", rho, pValue, n);
    }
}
