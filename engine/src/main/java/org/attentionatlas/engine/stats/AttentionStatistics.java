package org.attentionatlas.engine.stats;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDArrays;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import org.attentionatlas.engine.config.ModelConfig;
import org.attentionatlas.engine.hooks.HookKind;
import org.attentionatlas.engine.hooks.Hooks;
import org.attentionatlas.engine.hooks.Stack;
import org.attentionatlas.engine.load.LoadedModel;
import org.attentionatlas.engine.model.ForwardInput;
import org.attentionatlas.engine.model.PaddedBatch;
import org.attentionatlas.engine.tokenize.Encoding;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Runs a model over a batch and reduces every layer's attention pattern to per-head sums on the device: the
 * [B, H, T, T] pattern never leaves it; one [B, L, H, slots] array is copied to the host per batch.
 *
 * <p>Offset statistics come from one batched matmul of the pattern with a [T, T, buckets + 1] table of offset
 * indicators and distances; token-category masses from one matmul with a [B, T, 3] table of flags.
 */
public final class AttentionStatistics implements AutoCloseable {

    private static final int MAX_CACHED_LENGTHS = 32;

    private final LoadedModel model;
    private final NDManager tables;
    private final Map<Integer, NDArray> offsetTables = new LinkedHashMap<>(16, 0.75f, true);

    public AttentionStatistics(LoadedModel model) {
        this.model = model;
        this.tables = NDManager.newBaseManager(model.transformer().device());
    }

    /** One forward pass over the batch; one {@link HeadSums} per sequence, in input order. */
    public List<HeadSums> run(List<Encoding> batch) {
        ModelConfig c = model.config();
        int b = batch.size();
        int t = 0;
        List<int[]> ids = new ArrayList<>(b);
        for (Encoding e : batch) {
            ids.add(e.ids());
            t = Math.max(t, e.length());
        }
        boolean causal = c.architecture().isCausal();
        try (NDManager m = NDManager.newBaseManager(model.transformer().device())) {
            ForwardInput in = c.architecture().isEncoderDecoder()
                    ? PaddedBatch.of(m, ids, startTokens(b, c.decoderStartTokenId()), c.padTokenId())
                    : PaddedBatch.of(m, ids, c.padTokenId());
            NDArray queryMask = m.create(queryMask(batch, t), new Shape(b, 1, t, 1));
            NDArray invLnKeys = m.create(inverseLnVisibleKeys(batch, t, causal), new Shape(b, 1, t));
            NDArray categories = m.create(categories(batch, t), new Shape(b, t, 3));
            NDArray offsets = offsetTable(t);
            NDArray[] perLayer = new NDArray[c.layers()];
            NDArray[] logPattern = new NDArray[1]; // of the layer whose pattern comes next
            NDArray[] valueNorm = new NDArray[1];  // likewise
            Hooks hooks = Hooks.create().on(EnumSet.of(HookKind.VALUE_NORM, HookKind.LOG_PATTERN, HookKind.PATTERN),
                    (point, a) -> {
                if (point.stack() == Stack.DECODER) {
                    return;
                }
                if (point.kind() == HookKind.VALUE_NORM) {
                    valueNorm[0] = a;
                } else if (point.kind() == HookKind.LOG_PATTERN) {
                    logPattern[0] = a;
                } else {
                    NDArray r = reduce(a, logPattern[0], valueNorm[0], queryMask, invLnKeys, categories, offsets);
                    r.attach(m);
                    perLayer[point.layer()] = r;
                }
            });
            model.transformer().forward(m, in, hooks);
            float[] host = NDArrays.stack(new NDList(perLayer), 1).toFloatArray(); // [B, L, H, SLOTS]
            List<HeadSums> out = new ArrayList<>(b);
            int perSeq = c.layers() * c.heads() * HeadSums.SLOTS;
            for (int i = 0; i < b; i++) {
                HeadSums s = new HeadSums(c.layers(), c.heads());
                s.addSequence(host, i * perSeq, batch.get(i).length());
                out.add(s);
            }
            return out;
        }
    }

    /** [B, H, T, T] pattern, its float32 log and the [B, H, T] value norms → [B, H, SLOTS] sums over real queries. */
    private static NDArray reduce(NDArray pattern, NDArray logPattern, NDArray valueNorm, NDArray queryMask,
                                  NDArray invLnKeys, NDArray categories, NDArray offsets) {
        NDArray p = pattern.toType(DataType.FLOAT32, false); // statistics in fp32 whatever the model's precision
        Shape s = p.getShape();
        long b = s.get(0);
        long h = s.get(1);
        long t = s.get(2);
        // −Σ p·log p as one batched dot product per query: no temporary [B,H,T,T] product
        NDArray entropy = p.reshape(b * h * t, 1, t).matMul(logPattern.reshape(b * h * t, t, 1)).reshape(b, h, t).neg();
        NDArray entropyNorm = entropy.mul(invLnKeys);                                           // [B,H,T]
        NDArray max = p.max(new int[] {-1});                                                    // [B,H,T]
        NDArray cats = p.reshape(b, h * t, t).matMul(categories).reshape(b, h, t, 3);           // [B,H,T,3]
        // per query q: Σ_k P[q,k]·table[q,k,:] as one matmul batched over q
        NDArray byQuery = p.transpose(2, 0, 1, 3).reshape(t, b * h, t).matMul(offsets);          // [T, B·H, M]
        NDArray offs = byQuery.reshape(t, b, h, -1).transpose(1, 2, 0, 3);                     // [B,H,T,M]
        long m = offs.getShape().get(3);
        NDArray distance = offs.get(":, :, :, {}:", m - 1);                                     // [B,H,T,1]
        NDArray hist = offs.get(":, :, :, :{}", m - 1);
        NDArray norms = normMasses(p, valueNorm, categories, hist);                            // [B,H,T,9]
        // in DeviceSlot order (entropy, entropy_norm, max, cls/sep/punct, distance, norm masses), then the buckets
        NDArray perQuery = NDArrays.concat(new NDList(entropy.expandDims(-1), entropyNorm.expandDims(-1),
                max.expandDims(-1), cats, distance, norms, hist), -1);                         // [B,H,T,SLOTS]
        return perQuery.mul(queryMask).sum(new int[] {2});                                      // [B,H,SLOTS]
    }

    /**
     * Norm-based masses per query, [B, H, T, 9] in DeviceSlot order: row-normalised cls, sep, punct, self, prev, then
     * the raw cls, sep, punct and row total; key k weighs A[q][k]·n[k]. One matmul of the pattern with [flags·n, n]
     * gives the raw category sums and the row total; self and previous come from the exact offset buckets times the
     * norm of that key.
     */
    private static NDArray normMasses(NDArray p, NDArray valueNorm, NDArray categories, NDArray hist) {
        long t = p.getShape().get(2);
        NDArray n = valueNorm.expandDims(-1);                                                  // [B,H,T,1]
        NDArray weighted = p.matMul(NDArrays.concat(new NDList(categories.expandDims(1).mul(n), n), -1)); // [B,H,T,4]
        NDArray total = weighted.get(":, :, :, 3:").maximum(1e-30f); // > 0 unless every value is zero
        NDArray cats = weighted.get(":, :, :, :3");
        NDArray self = hist.get(":, :, :, {}:{}", OffsetBuckets.of(0), OffsetBuckets.of(0) + 1).mul(n);
        NDArray previousKey = t == 1 ? n.zerosLike() : NDArrays.concat(new NDList(
                n.get(":, :, :1").zerosLike(), n.get(":, :, :{}", t - 1)), 2);                  // n[q−1], 0 at q=0
        NDArray prev = hist.get(":, :, :, {}:{}", OffsetBuckets.of(-1), OffsetBuckets.of(-1) + 1).mul(previousKey);
        return NDArrays.concat(new NDList(NDArrays.concat(new NDList(cats, self, prev), -1).div(total), weighted), -1);
    }

    /** [T, T, buckets + 1]: one-hot offset bucket of (q, k), then |q − k|. Cached per length. */
    private NDArray offsetTable(int t) {
        NDArray cached = offsetTables.get(t);
        if (cached != null) {
            return cached;
        }
        int buckets = OffsetBuckets.count();
        int m = buckets + 1;
        float[] table = new float[t * t * m];
        for (int q = 0; q < t; q++) {
            for (int k = 0; k < t; k++) {
                int base = (q * t + k) * m;
                table[base + OffsetBuckets.of(k - q)] = 1f;
                table[base + buckets] = Math.abs(q - k);
            }
        }
        NDArray a = tables.create(table, new Shape(t, t, m));
        offsetTables.put(t, a);
        if (offsetTables.size() > MAX_CACHED_LENGTHS) {
            var eldest = offsetTables.entrySet().iterator().next();
            eldest.getValue().close();
            offsetTables.remove(eldest.getKey());
        }
        return a;
    }

    private static float[] queryMask(List<Encoding> batch, int t) {
        float[] mask = new float[batch.size() * t];
        for (int i = 0; i < batch.size(); i++) {
            java.util.Arrays.fill(mask, i * t, i * t + batch.get(i).length(), 1f);
        }
        return mask;
    }

    /** 1 / ln(keys visible to each query): all real tokens, or those up to the query when causal; 0 for one key. */
    private static float[] inverseLnVisibleKeys(List<Encoding> batch, int t, boolean causal) {
        float[] out = new float[batch.size() * t];
        for (int i = 0; i < batch.size(); i++) {
            int n = batch.get(i).length();
            for (int q = 0; q < n; q++) {
                int visible = causal ? q + 1 : n;
                out[i * t + q] = visible > 1 ? (float) (1.0 / Math.log(visible)) : 0f;
            }
        }
        return out;
    }

    /** [B, T, 3] flags: first token, separator, punctuation. */
    private static float[] categories(List<Encoding> batch, int t) {
        float[] out = new float[batch.size() * t * 3];
        for (int i = 0; i < batch.size(); i++) {
            Encoding e = batch.get(i);
            for (int k = 0; k < e.length(); k++) {
                int base = (i * t + k) * 3;
                out[base] = k == 0 ? 1f : 0f;
                out[base + 1] = TokenCategories.isSeparator(e, k) ? 1f : 0f;
                out[base + 2] = TokenCategories.isPunctuation(e, k) ? 1f : 0f;
            }
        }
        return out;
    }

    private static List<int[]> startTokens(int b, int start) {
        List<int[]> out = new ArrayList<>(b);
        for (int i = 0; i < b; i++) {
            out.add(new int[] {start});
        }
        return out;
    }

    @Override
    public void close() {
        tables.close();
    }
}
