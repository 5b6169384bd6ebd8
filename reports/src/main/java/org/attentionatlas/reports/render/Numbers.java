package org.attentionatlas.reports.render;

import java.util.Locale;

/** Numbers as the report prints them. */
public final class Numbers {

    private Numbers() {
    }

    /**
     * A value with its standard error, both to the decimal place of the error's first significant digit
     * ("0.831 ± 0.004", "4.50 ± 0.01"); the value to 3 significant digits when the error is unknown or 0.
     */
    public static String withError(double value, double error, String plusMinus) {
        if (!Double.isFinite(value)) {
            return "n/a";
        }
        if (!Double.isFinite(error) || error <= 0) {
            return String.format(Locale.ROOT, "%.3g", value);
        }
        int decimals = Math.max(0, -(int) Math.floor(Math.log10(error)));
        String f = "%." + decimals + "f";
        return String.format(Locale.ROOT, f + plusMinus + f, value, error);
    }
}
