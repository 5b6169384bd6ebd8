package org.attentionatlas.engine.testing;

import ai.djl.Device;
import ai.djl.ndarray.NDManager;
import org.attentionatlas.engine.hooks.Captures;
import org.attentionatlas.engine.hooks.HookKind;
import org.attentionatlas.engine.hooks.HookPoint;
import org.attentionatlas.engine.hooks.Hooks;
import org.attentionatlas.engine.hooks.Stack;
import org.attentionatlas.engine.config.ModelConfig;
import org.attentionatlas.engine.model.ForwardInput;
import org.attentionatlas.engine.load.LoadedModel;
import org.attentionatlas.engine.model.PaddedBatch;
import org.attentionatlas.engine.stats.HeadStat;
import org.attentionatlas.engine.stats.OffsetBuckets;
import org.attentionatlas.engine.stats.TokenCategories;
import org.attentionatlas.engine.tokenize.Encoding;

/**
 * The head statistics computed directly from full attention matrices on the host, in double precision, straight
 * from their definitions: the independent reference that the device reductions (and the Parquet tables) must match.
 * The one reference of the project: the engine's statistics test and the audit job's tests both use it.
 */
public final class ReferenceHeadStats {

    private final int layers;
    private final int heads;
    private final double[][][] sums;   // [layer][head][stat]
    private final double[][][] hist;   // [layer][head][bucket]
    private long queries;

    public ReferenceHeadStats(int layers, int heads) {
        this.layers = layers;
        this.heads = heads;
        this.sums = new double[layers][heads][HeadStat.values().length];
        this.hist = new double[layers][heads][OffsetBuckets.count()];
    }

    /** Adds one sequence run alone through {@code model} (no padding, no batching, no device-side reduction). */
    public void add(LoadedModel model, Encoding e) {
        add(e, rawAttention(model, e), valueNorms(model, e), model.config().architecture().isCausal());
    }

    /** The [layer][head][key] value norms of one unpadded sequence, captured at the value-norm hook. */
    public static float[][][] valueNorms(LoadedModel model, Encoding e) {
        int n = e.length();
        float[][][] out = new float[model.config().layers()][model.config().heads()][];
        forEachLayer(model, e, HookKind.VALUE_NORM, (flat, l) -> {
            for (int h = 0; h < out[l].length; h++) {
                out[l][h] = java.util.Arrays.copyOfRange(flat, h * n, (h + 1) * n);
            }
        });
        return out;
    }

    /** The full [layer][head][q][k] matrices of one unpadded sequence, captured at the pattern hook. */
    public static float[][][][] rawAttention(LoadedModel model, Encoding e) {
        int n = e.length();
        float[][][][] out = new float[model.config().layers()][model.config().heads()][n][n];
        forEachLayer(model, e, HookKind.PATTERN, (flat, l) -> {
            for (int h = 0; h < out[l].length; h++) {
                for (int q = 0; q < n; q++) {
                    System.arraycopy(flat, (h * n + q) * n, out[l][h][q], 0, n);
                }
            }
        });
        return out;
    }

    /**
     * Runs one unpadded sequence alone and hands each layer's capture of {@code kind}, flattened, to {@code layer}
     * (T5: the encoder's, the decoder fed its start token).
     */
    private static void forEachLayer(LoadedModel model, Encoding e, HookKind kind,
                                     java.util.function.ObjIntConsumer<float[]> layer) {
        ModelConfig c = model.config();
        boolean t5 = c.architecture().isEncoderDecoder();
        try (NDManager m = NDManager.newBaseManager(Device.cpu())) {
            Hooks hooks = Hooks.create();
            Captures cap = Captures.of(m, hooks, java.util.EnumSet.of(kind));
            java.util.List<int[]> ids = java.util.List.of(e.ids());
            ForwardInput in = t5 ? PaddedBatch.of(m, ids, java.util.List.of(new int[] {c.decoderStartTokenId()}),
                    c.padTokenId()) : PaddedBatch.of(m, ids, c.padTokenId());
            model.transformer().forward(m, in, hooks);
            Stack stack = t5 ? Stack.ENCODER : Stack.MAIN;
            for (int l = 0; l < c.layers(); l++) {
                layer.accept(cap.get(new HookPoint(stack, l, kind)).toFloatArray(), l);
            }
        }
    }

    /**
     * Adds one sequence: {@code attention[layer][head][q][k]} over its own tokens and the value norms
     * {@code valueNorms[layer][head][k]} that weigh the norm-based masses.
     */
    public void add(Encoding e, float[][][][] attention, float[][][] valueNorms, boolean causal) {
        int n = e.length();
        for (int l = 0; l < layers; l++) {
            for (int h = 0; h < heads; h++) {
                double[] s = sums[l][h];
                for (int q = 0; q < n; q++) {
                    float[] row = attention[l][h][q];
                    float[] norm = valueNorms[l][h];
                    double normTotal = 0;
                    double normCls = row[0] * norm[0];
                    double normSep = 0;
                    double normPunct = 0;
                    double entropy = 0;
                    double max = 0;
                    double dist = 0;
                    double sep = 0;
                    double punct = 0;
                    double[] local = new double[9];
                    for (int k = 0; k < n; k++) {
                        double a = row[k];
                        if (a > 0) {
                            entropy -= a * Math.log(a);
                        }
                        max = Math.max(max, a);
                        dist += a * Math.abs(q - k);
                        double weighted = a * norm[k];
                        normTotal += weighted;
                        if (TokenCategories.isSeparator(e, k)) {
                            sep += a;
                            normSep += weighted;
                        }
                        if (TokenCategories.isPunctuation(e, k)) {
                            punct += a;
                            normPunct += weighted;
                        }
                        int d = Math.abs(q - k);
                        for (int w = d; w <= 8; w++) {
                            local[w] += a;
                        }
                        hist[l][h][OffsetBuckets.of(k - q)] += a;
                    }
                    int visible = causal ? q + 1 : n;
                    s[HeadStat.ENTROPY.ordinal()] += entropy;
                    s[HeadStat.ENTROPY_NORM.ordinal()] += visible > 1 ? entropy / Math.log(visible) : 0;
                    s[HeadStat.MAX_WEIGHT.ordinal()] += max;
                    s[HeadStat.CLS_MASS.ordinal()] += row[0];
                    s[HeadStat.SEP_MASS.ordinal()] += sep;
                    s[HeadStat.PUNCT_MASS.ordinal()] += punct;
                    s[HeadStat.SELF_MASS.ordinal()] += row[q];
                    s[HeadStat.PREV_MASS.ordinal()] += q > 0 ? row[q - 1] : 0;
                    s[HeadStat.NEXT_MASS.ordinal()] += q + 1 < n ? row[q + 1] : 0;
                    s[HeadStat.DISTANCE.ordinal()] += dist;
                    s[HeadStat.LOCAL1.ordinal()] += local[1];
                    s[HeadStat.LOCAL2.ordinal()] += local[2];
                    s[HeadStat.LOCAL4.ordinal()] += local[4];
                    s[HeadStat.LOCAL8.ordinal()] += local[8];
                    s[HeadStat.NORM_CLS_MASS.ordinal()] += normCls / normTotal;
                    s[HeadStat.NORM_SEP_MASS.ordinal()] += normSep / normTotal;
                    s[HeadStat.NORM_PUNCT_MASS.ordinal()] += normPunct / normTotal;
                    s[HeadStat.NORM_SELF_MASS.ordinal()] += row[q] * norm[q] / normTotal;
                    s[HeadStat.NORM_PREV_MASS.ordinal()] += q > 0 ? row[q - 1] * norm[q - 1] / normTotal : 0;
                    s[HeadStat.NORM_CLS_RAW.ordinal()] += normCls;
                    s[HeadStat.NORM_SEP_RAW.ordinal()] += normSep;
                    s[HeadStat.NORM_PUNCT_RAW.ordinal()] += normPunct;
                    s[HeadStat.NORM_TOTAL_RAW.ordinal()] += normTotal;
                }
            }
        }
        queries += n;
    }

    public double mean(HeadStat stat, int layer, int head) {
        return sums[layer][head][stat.ordinal()] / queries;
    }

    public double offsetMean(int layer, int head, int bucket) {
        return hist[layer][head][bucket] / queries;
    }

    public int layers() {
        return layers;
    }

    public int heads() {
        return heads;
    }

    public long queries() {
        return queries;
    }
}
