package org.attentionatlas.reports.data;

import org.attentionatlas.engine.stats.HeadStat;
import org.attentionatlas.engine.stats.OffsetBuckets;

import java.util.Collections;
import java.util.EnumMap;
import java.util.Map;

/**
 * The head_stats rows of one (model, revision, dataset, language): each statistic as a [layer][head] grid (NaN where
 * the table had no value), each statistic's standard error as the same grid ({@code errors}; NaN where unknown), the
 * offset histogram [layer][head][bucket] of mean mass per {@link OffsetBuckets} bucket, the role label of each head,
 * and the query tokens and sequences behind them.
 */
public record HeadGroup(String model, String revision, String dataset, String language, int layers, int heads,
                        Map<HeadStat, double[][]> stats, double[][][] offsetHist, String[][] roles, long tokens,
                        long sequences, Map<HeadStat, double[][]> errors) {

    public HeadGroup {
        EnumMap<HeadStat, double[][]> copy = new EnumMap<>(HeadStat.class);
        copy.putAll(stats);
        stats = Collections.unmodifiableMap(copy);
        EnumMap<HeadStat, double[][]> errorCopy = new EnumMap<>(HeadStat.class);
        errorCopy.putAll(errors);
        errors = Collections.unmodifiableMap(errorCopy);
        if (offsetHist.length != layers || roles.length != layers) {
            throw new IllegalArgumentException("expected " + layers + " layers of histograms and roles");
        }
        for (Map.Entry<HeadStat, double[][]> e : stats.entrySet()) {
            if (e.getValue().length != layers || e.getValue()[0].length != heads) {
                throw new IllegalArgumentException(e.getKey() + " is not a " + layers + "x" + heads + " grid");
            }
        }
    }

    /** A group without standard errors. */
    public HeadGroup(String model, String revision, String dataset, String language, int layers, int heads,
                     Map<HeadStat, double[][]> stats, double[][][] offsetHist, String[][] roles, long tokens,
                     long sequences) {
        this(model, revision, dataset, language, layers, heads, stats, offsetHist, roles, tokens, sequences, Map.of());
    }

    /** The standard error of one head's statistic, NaN when unknown. */
    public double error(HeadStat s, int layer, int head) {
        double[][] e = errors.get(s);
        return e == null ? Double.NaN : e[layer][head];
    }

    /** True when the group rests on fewer than {@code minSequences} sequences: drawn, but not concluded from. */
    public boolean tooSmall(long minSequences) {
        return sequences < minSequences;
    }

    /** "294 sequences, 12,034 tokens". */
    public String sampleSize() {
        return String.format(java.util.Locale.ROOT, "%,d sequences, %,d tokens", sequences, tokens);
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
