package org.attentionatlas.reports.figures;

import org.attentionatlas.engine.stats.HeadStat;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

/**
 * Ranks heads by how much their statistics differ between variants (languages, or two releases). For each statistic
 * a head's spread (max − min over the variants) is divided by that statistic's standard deviation over all heads and
 * variants, so entropies in nats and masses in [0, 1] weigh alike; a head's score is the sum over statistics.
 */
public final class HeadDifferenceRanking {

    /** One ranked head: its score and the statistic that contributes most, with that statistic's values. */
    public record Ranked(int layer, int head, double score, HeadStat topStat, double[] topValues) {
    }

    private HeadDifferenceRanking() {
    }

    /** @param variants per statistic, one [layer][head] grid per variant (all of the same shape) */
    public static List<Ranked> rank(Map<HeadStat, List<double[][]>> variants, int top) {
        int layers = -1;
        int heads = -1;
        for (List<double[][]> grids : variants.values()) {
            layers = grids.get(0).length;
            heads = grids.get(0)[0].length;
        }
        if (layers < 0) {
            return List.of();
        }
        double[][] score = new double[layers][heads];
        double[][] best = new double[layers][heads];
        HeadStat[][] bestStat = new HeadStat[layers][heads];
        for (Map.Entry<HeadStat, List<double[][]>> e : variants.entrySet()) {
            double sd = standardDeviation(e.getValue());
            if (!(sd > 0)) {
                continue;
            }
            for (int l = 0; l < layers; l++) {
                for (int h = 0; h < heads; h++) {
                    double lo = Double.POSITIVE_INFINITY;
                    double hi = Double.NEGATIVE_INFINITY;
                    for (double[][] g : e.getValue()) {
                        if (Double.isFinite(g[l][h])) {
                            lo = Math.min(lo, g[l][h]);
                            hi = Math.max(hi, g[l][h]);
                        }
                    }
                    double part = hi >= lo ? (hi - lo) / sd : 0;
                    score[l][h] += part;
                    if (part > best[l][h] || bestStat[l][h] == null) {
                        best[l][h] = part;
                        bestStat[l][h] = e.getKey();
                    }
                }
            }
        }
        List<Ranked> out = new ArrayList<>();
        for (int l = 0; l < layers; l++) {
            for (int h = 0; h < heads; h++) {
                HeadStat s = bestStat[l][h];
                double[] values = new double[s == null ? 0 : variants.get(s).size()];
                for (int v = 0; v < values.length; v++) {
                    values[v] = variants.get(s).get(v)[l][h];
                }
                out.add(new Ranked(l, h, score[l][h], s, values));
            }
        }
        out.sort(Comparator.comparingDouble(Ranked::score).reversed()
                .thenComparingInt(Ranked::layer).thenComparingInt(Ranked::head));
        return out.subList(0, Math.min(top, out.size()));
    }

    /** The standard deviation of every finite value of the grids (0 below two values). */
    public static double standardDeviation(List<double[][]> grids) {
        double sum = 0;
        double sq = 0;
        long n = 0;
        for (double[][] g : grids) {
            for (double[] row : g) {
                for (double v : row) {
                    if (Double.isFinite(v)) {
                        sum += v;
                        sq += v * v;
                        n++;
                    }
                }
            }
        }
        if (n < 2) {
            return 0;
        }
        double mean = sum / n;
        return Math.sqrt(Math.max(0, sq / n - mean * mean));
    }

    /** b − a per head. */
    public static double[][] difference(double[][] a, double[][] b) {
        double[][] out = new double[a.length][a[0].length];
        for (int l = 0; l < a.length; l++) {
            for (int h = 0; h < a[0].length; h++) {
                out[l][h] = b[l][h] - a[l][h];
            }
        }
        return out;
    }
}
