package org.attentionatlas.reports.render;

import org.jfree.chart.renderer.PaintScale;

import java.awt.Color;
import java.awt.Paint;

/** Value → colour: sequential (viridis-like, low = dark) or diverging (blue–white–red around 0). NaN is grey. */
public final class ColorScale implements PaintScale {

    public static final Color MISSING = new Color(0xDDDDDD);

    private static final Color[] VIRIDIS = {
            new Color(0x440154), new Color(0x472C7A), new Color(0x3B518B), new Color(0x2C718E), new Color(0x21908D),
            new Color(0x27AD81), new Color(0x5CC863), new Color(0xAADC32), new Color(0xFDE725)};
    private static final Color[] DIVERGING = {
            new Color(0x2166AC), new Color(0x67A9CF), new Color(0xD1E5F0), new Color(0xF7F7F7), new Color(0xFDDBC7),
            new Color(0xEF8A62), new Color(0xB2182B)};

    private final double lower;
    private final double upper;
    private final Color[] stops;

    private ColorScale(double lower, double upper, Color[] stops) {
        if (!(upper > lower)) { // flat or empty data still needs a legend with a range
            double mid = Double.isFinite(lower) ? lower : 0;
            lower = mid - 0.5;
            upper = mid + 0.5;
        }
        this.lower = lower;
        this.upper = upper;
        this.stops = stops;
    }

    /** Sequential over the finite values' range. */
    public static ColorScale sequential(double[]... values) {
        double lo = Double.POSITIVE_INFINITY;
        double hi = Double.NEGATIVE_INFINITY;
        for (double[] row : values) {
            for (double v : row) {
                if (Double.isFinite(v)) {
                    lo = Math.min(lo, v);
                    hi = Math.max(hi, v);
                }
            }
        }
        return new ColorScale(lo, hi, VIRIDIS);
    }

    public static ColorScale sequential(double lower, double upper) {
        return new ColorScale(lower, upper, VIRIDIS);
    }

    /** Diverging, symmetric around 0 so that equal colours mean equal magnitudes of change. */
    public static ColorScale diverging(double[]... values) {
        double m = 0;
        for (double[] row : values) {
            for (double v : row) {
                if (Double.isFinite(v)) {
                    m = Math.max(m, Math.abs(v));
                }
            }
        }
        return new ColorScale(-m, m, DIVERGING);
    }

    @Override
    public double getLowerBound() {
        return lower;
    }

    @Override
    public double getUpperBound() {
        return upper;
    }

    @Override
    public Paint getPaint(double value) {
        return color(value);
    }

    public Color color(double value) {
        if (!Double.isFinite(value)) {
            return MISSING;
        }
        double t = Math.max(0, Math.min(1, (value - lower) / (upper - lower))) * (stops.length - 1);
        int i = Math.min(stops.length - 2, (int) t);
        double f = t - i;
        Color a = stops[i];
        Color b = stops[i + 1];
        return new Color(mix(a.getRed(), b.getRed(), f), mix(a.getGreen(), b.getGreen(), f), mix(a.getBlue(), b.getBlue(), f));
    }

    private static int mix(int a, int b, double f) {
        return (int) Math.round(a + (b - a) * f);
    }
}
