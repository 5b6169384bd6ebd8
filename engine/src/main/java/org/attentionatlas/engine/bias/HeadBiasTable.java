package org.attentionatlas.engine.bias;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/** The per-head bias table: one value per (layer, head), and the heads with the largest |value| first. */
public final class HeadBiasTable {

    /** One head's value of a metric (a gap, a correlation). */
    public record HeadValue(int layer, int head, double value) {
    }

    private HeadBiasTable() {
    }

    /** The {@code k} heads with the largest absolute value (NaN last), ties by layer then head. */
    public static List<HeadValue> top(double[][] perHead, int k) {
        List<HeadValue> all = new ArrayList<>();
        for (int l = 0; l < perHead.length; l++) {
            for (int h = 0; h < perHead[l].length; h++) {
                all.add(new HeadValue(l, h, perHead[l][h]));
            }
        }
        all.sort(Comparator.comparingDouble((HeadValue v) -> Double.isNaN(v.value()) ? -1 : Math.abs(v.value()))
                .reversed().thenComparingInt(HeadValue::layer).thenComparingInt(HeadValue::head));
        return all.subList(0, Math.min(k, all.size()));
    }

    /**
     * Pro-minus-anti gap of every head: {@code pro[i]} and {@code anti[i]} are pair i's [layer][head] scores (e.g.
     * {@link CorefScores#perHead()}). Each head's CI resamples the same pairs (same seed for every head).
     */
    public static IntervalEstimate[][] pairedGaps(List<double[][]> pro, List<double[][]> anti, int resamples, long seed) {
        if (pro.size() != anti.size() || pro.isEmpty()) {
            throw new IllegalArgumentException(pro.size() + " pro and " + anti.size() + " anti score sets");
        }
        int layers = pro.get(0).length;
        IntervalEstimate[][] out = new IntervalEstimate[layers][];
        for (int l = 0; l < layers; l++) {
            out[l] = new IntervalEstimate[pro.get(0)[l].length];
            for (int h = 0; h < out[l].length; h++) {
                double[] p = new double[pro.size()];
                double[] a = new double[anti.size()];
                for (int i = 0; i < p.length; i++) {
                    p[i] = pro.get(i)[l][h];
                    a[i] = anti.get(i)[l][h];
                }
                out[l][h] = PairedGap.meanDifference(p, a, resamples, seed);
            }
        }
        return out;
    }

    /** The point values of a table of estimates. */
    public static double[][] values(IntervalEstimate[][] table) {
        double[][] out = new double[table.length][];
        for (int l = 0; l < table.length; l++) {
            out[l] = java.util.Arrays.stream(table[l]).mapToDouble(IntervalEstimate::value).toArray();
        }
        return out;
    }
}
