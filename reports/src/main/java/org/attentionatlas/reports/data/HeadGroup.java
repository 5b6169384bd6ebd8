package org.attentionatlas.reports.data;

import org.attentionatlas.engine.stats.HeadStat;
import org.attentionatlas.engine.stats.OffsetBuckets;

import java.util.Collections;
import java.util.EnumMap;
import java.util.Map;

/**
 * The head_stats rows of one (model, revision, dataset, language): each statistic as a [layer][head] grid (NaN where
 * the table had no value), the offset histogram [layer][head][bucket] of mean mass per {@link OffsetBuckets} bucket,
 * and the role label of each head.
 */
public record HeadGroup(String model, String revision, String dataset, String language, int layers, int heads,
                        Map<HeadStat, double[][]> stats, double[][][] offsetHist, String[][] roles, long tokens,
                        long sequences) {

    public HeadGroup {
        EnumMap<HeadStat, double[][]> copy = new EnumMap<>(HeadStat.class);
        copy.putAll(stats);
        stats = Collections.unmodifiableMap(copy);
        if (offsetHist.length != layers || roles.length != layers) {
            throw new IllegalArgumentException("expected " + layers + " layers of histograms and roles");
        }
        for (Map.Entry<HeadStat, double[][]> e : stats.entrySet()) {
            if (e.getValue().length != layers || e.getValue()[0].length != heads) {
                throw new IllegalArgumentException(e.getKey() + " is not a " + layers + "x" + heads + " grid");
            }
        }
    }

    /** Short label, e.g. "wiki / en". */
    public String label() {
        return dataset + " / " + language;
    }

    /** True when both have the same layer × head shape (same architecture). */
    public boolean sameShape(HeadGroup o) {
        return layers == o.layers && heads == o.heads;
    }

    public double[][] stat(HeadStat s) {
        return stats.get(s);
    }

    /** Mean over heads of the offset histogram, [layer][bucket]. */
    public double[][] layerOffsetHist() {
        int b = OffsetBuckets.count();
        double[][] out = new double[layers][b];
        for (int l = 0; l < layers; l++) {
            for (int h = 0; h < heads; h++) {
                for (int i = 0; i < b; i++) {
                    out[l][i] += offsetHist[l][h][i] / heads;
                }
            }
        }
        return out;
    }
}
