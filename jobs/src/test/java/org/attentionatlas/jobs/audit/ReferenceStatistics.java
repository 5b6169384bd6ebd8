package org.attentionatlas.jobs.audit;

import ai.djl.ndarray.NDManager;
import org.attentionatlas.engine.hooks.Captures;
import org.attentionatlas.engine.hooks.HookKind;
import org.attentionatlas.engine.hooks.HookPoint;
import org.attentionatlas.engine.hooks.Hooks;
import org.attentionatlas.engine.hooks.Stack;
import org.attentionatlas.engine.load.LoadedModel;
import org.attentionatlas.engine.model.PaddedBatch;
import org.attentionatlas.engine.stats.HeadStat;
import org.attentionatlas.engine.stats.OffsetBuckets;
import org.attentionatlas.engine.tokenize.Encoding;

import java.util.EnumSet;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Per-head statistics recomputed in plain Java from the raw attention patterns of a single-sequence forward pass
 * (no padding, no batching, no device-side reduction), following the definitions in {@link HeadStat}: the test's
 * independent reference for the Spark job's head_stats.
 */
final class ReferenceStatistics {

    private static final Pattern PUNCT = Pattern.compile("[\\p{P}\\p{S}]+");

    final int layers;
    final int heads;
    final double[][][] sums; // [layer][head][stat ordinal]
    final double[][][] offsets; // [layer][head][bucket]
    long queries;

    ReferenceStatistics(int layers, int heads) {
        this.layers = layers;
        this.heads = heads;
        this.sums = new double[layers][heads][HeadStat.values().length];
        this.offsets = new double[layers][heads][OffsetBuckets.count()];
    }

    double mean(HeadStat s, int layer, int head) {
        return sums[layer][head][s.ordinal()] / queries;
    }

    double offsetMean(int layer, int head, int bucket) {
        return offsets[layer][head][bucket] / queries;
    }

    /** Adds one window: runs it alone through the model and sums every query position's statistics. */
    void add(LoadedModel model, Encoding w) {
        int t = w.length();
        try (NDManager m = NDManager.newBaseManager(model.transformer().device())) {
            Hooks hooks = Hooks.create();
            Captures captures = Captures.of(m, hooks, EnumSet.of(HookKind.PATTERN));
            model.transformer().forward(m, PaddedBatch.of(m, List.of(w.ids()), model.config().padTokenId()), hooks);
            for (int l = 0; l < layers; l++) {
                float[] p = captures.get(new HookPoint(Stack.MAIN, l, HookKind.PATTERN)).toFloatArray(); // [1,H,T,T]
                for (int h = 0; h < heads; h++) {
                    for (int q = 0; q < t; q++) {
                        addQuery(w, p, (h * t + q) * t, q, t, sums[l][h], offsets[l][h]);
                    }
                }
            }
        }
        queries += t;
    }

    private static void addQuery(Encoding w, float[] p, int row, int q, int t, double[] s, double[] offs) {
        double entropy = 0;
        double max = 0;
        for (int k = 0; k < t; k++) {
            double a = p[row + k];
            if (a > 0) {
                entropy -= a * Math.log(a);
            }
            max = Math.max(max, a);
            int off = k - q;
            offs[OffsetBuckets.of(off)] += a;
            s[HeadStat.DISTANCE.ordinal()] += a * Math.abs(off);
            if (k == 0) {
                s[HeadStat.CLS_MASS.ordinal()] += a;
            } else if (w.special()[k]) {
                s[HeadStat.SEP_MASS.ordinal()] += a;
            }
            if (!w.special()[k] && isPunctuation(w.tokens()[k])) {
                s[HeadStat.PUNCT_MASS.ordinal()] += a;
            }
            if (off == 0) {
                s[HeadStat.SELF_MASS.ordinal()] += a;
            }
            if (off == -1) {
                s[HeadStat.PREV_MASS.ordinal()] += a;
            }
            if (off == 1) {
                s[HeadStat.NEXT_MASS.ordinal()] += a;
            }
            int d = Math.abs(off);
            s[HeadStat.LOCAL1.ordinal()] += d <= 1 ? a : 0;
            s[HeadStat.LOCAL2.ordinal()] += d <= 2 ? a : 0;
            s[HeadStat.LOCAL4.ordinal()] += d <= 4 ? a : 0;
            s[HeadStat.LOCAL8.ordinal()] += d <= 8 ? a : 0;
        }
        s[HeadStat.ENTROPY.ordinal()] += entropy;
        s[HeadStat.ENTROPY_NORM.ordinal()] += t > 1 ? entropy / Math.log(t) : 0;
        s[HeadStat.MAX_WEIGHT.ordinal()] += max;
    }

    private static boolean isPunctuation(String token) {
        String t = token.startsWith("##") ? token.substring(2) : token;
        return !t.isEmpty() && PUNCT.matcher(t).matches();
    }
}
