package org.attentionatlas.engine.align;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.index.NDIndex;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Attention alignment of a pair encoded as one sequence ({@link PairSequence}), for every layer and head at once on the
 * device: token attention [layers, heads, T, T] becomes word attention as {@code WordAttention} defines it (a query
 * word's row is the mean of its subwords' rows, a key word receives the sum of its subwords' columns), as
 * Q·A·K with a [U, T] mean matrix and a [T, U] sum matrix; then source→target and target→source argmaxes, and links
 * where they agree (mutual argmax), per head and for the per-layer head average. Only argmax indices reach the host.
 */
public final class AttentionAligner {

    private AttentionAligner() {
    }

    /** Links per layer of the head average, and per layer and head. */
    public record Links(List<Set<Link>> mean, List<List<Set<Link>>> heads) {
    }

    /** {@code attention}: [layers, heads, T, T] of the pair's tokens (no padding). */
    public static Links align(NDArray attention, PairSequence pair) {
        NDArray words = wordAttention(attention, pair);
        int[] count = tokensPerUnit(pair);
        int layers = (int) words.getShape().get(0);
        int heads = (int) words.getShape().get(1);
        int ms = pair.srcWords();
        int[] srcWord = WordLinks.identity(ms);
        int[] tgtWord = WordLinks.identity(pair.tgtWords());
        Best perHead = best(words, ms, count);
        Best perLayer = best(words.mean(new int[] {1}, true), ms, count);
        List<Set<Link>> meanLinks = new ArrayList<>(layers);
        List<List<Set<Link>>> headLinks = new ArrayList<>(layers);
        for (int l = 0; l < layers; l++) {
            meanLinks.add(WordLinks.mutualArgmax(perLayer.src(l, 0), perLayer.tgt(l, 0), srcWord, tgtWord));
            List<Set<Link>> row = new ArrayList<>(heads);
            for (int h = 0; h < heads; h++) {
                row.add(WordLinks.mutualArgmax(perHead.src(l, h), perHead.tgt(l, h), srcWord, tgtWord));
            }
            headLinks.add(row);
        }
        return new Links(meanLinks, headLinks);
    }

    /**
     * Word-level attention [layers, heads, U, U] of the pair's units (source words, then target words) from token
     * attention [layers, heads, T, T]: a query word's row is the mean of its subwords' rows, a key word receives the
     * sum of its subwords' columns.
     */
    public static NDArray wordAttention(NDArray attention, PairSequence pair) {
        NDManager m = attention.getManager();
        int t = pair.length();
        int u = pair.units();
        float[] mean = new float[u * t];
        float[] sum = new float[t * u];
        int[] count = tokensPerUnit(pair);
        for (int k = 0; k < t; k++) {
            int unit = pair.unitOfToken()[k];
            if (unit >= 0) {
                mean[unit * t + k] = 1f / count[unit];
                sum[k * u + unit] = 1f;
            }
        }
        NDArray q = m.create(mean, new Shape(u, t));
        NDArray k = m.create(sum, new Shape(t, u));
        return q.matMul(attention.toType(DataType.FLOAT32, false)).matMul(k);
    }

    private static int[] tokensPerUnit(PairSequence pair) {
        int[] count = new int[pair.units()];
        for (int unit : pair.unitOfToken()) {
            if (unit >= 0) {
                count[unit]++;
            }
        }
        return count;
    }

    /** Each source word's best target word and each target word's best source word; -1 for a word without tokens. */
    private static Best best(NDArray words, int ms, int[] count) {
        int u = count.length;
        long[] src = words.get(new NDIndex(":, :, :{}, {}:", ms, ms)).argMax(3).toLongArray();
        long[] tgt = words.get(new NDIndex(":, :, {}:, :{}", ms, ms)).argMax(3).toLongArray();
        return new Best(src, tgt, ms, u - ms, (int) words.getShape().get(1), count);
    }

    private record Best(long[] src, long[] tgt, int ms, int mt, int heads, int[] count) {
        int[] src(int l, int h) {
            int[] out = SimilarityAligner.slice(src, (l * heads + h) * ms, ms);
            for (int i = 0; i < ms; i++) {
                if (count[i] == 0 || count[ms + out[i]] == 0) {
                    out[i] = -1;
                }
            }
            return out;
        }

        int[] tgt(int l, int h) {
            int[] out = SimilarityAligner.slice(tgt, (l * heads + h) * mt, mt);
            for (int j = 0; j < mt; j++) {
                if (count[ms + j] == 0 || count[out[j]] == 0) {
                    out[j] = -1;
                }
            }
            return out;
        }
    }
}
