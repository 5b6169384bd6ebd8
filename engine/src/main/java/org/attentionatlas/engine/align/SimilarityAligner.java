package org.attentionatlas.engine.align;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.types.DataType;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Similarity alignment (Jalili Sabet et al. 2020; Dou &amp; Neubig 2021) at every layer at once, on the device: from
 * the subword hidden states of the source [layers+1, m, D] and of the target [layers+1, n, D] (each sentence encoded
 * alone, special tokens left out), S = Hs·Htᵀ; <em>softmax</em> keeps (i, j) when softmax over the target (row) and
 * softmax over the source (column) both exceed {@link #SOFTMAX_THRESHOLD}; <em>argmax</em> keeps mutual argmaxes.
 * Words are aligned when any of their subwords are. Only the decisions reach the host.
 */
public final class SimilarityAligner {

    /** awesome-align's {@code softmax_threshold}. */
    public static final float SOFTMAX_THRESHOLD = 1e-3f;

    private SimilarityAligner() {
    }

    /** Links per layer (index = layers applied), softmax and argmax. */
    public record Links(List<Set<Link>> softmax, List<Set<Link>> argmax) {
    }

    /** {@code srcWord}/{@code tgtWord}: the word of each subword row of {@code hs}/{@code ht}. */
    public static Links align(NDArray hs, NDArray ht, int[] srcWord, int[] tgtWord) {
        NDArray s = hs.toType(DataType.FLOAT32, false).matMul(ht.toType(DataType.FLOAT32, false).transpose(0, 2, 1));
        int layers = (int) s.getShape().get(0);
        int m = (int) s.getShape().get(1);
        int n = (int) s.getShape().get(2);
        boolean[] keep = s.softmax(2).gt(SOFTMAX_THRESHOLD).logicalAnd(s.softmax(1).gt(SOFTMAX_THRESHOLD))
                .toBooleanArray();
        long[] rowBest = s.argMax(2).toLongArray();
        long[] colBest = s.argMax(1).toLongArray();
        List<Set<Link>> softmax = new ArrayList<>(layers);
        List<Set<Link>> argmax = new ArrayList<>(layers);
        for (int l = 0; l < layers; l++) {
            boolean[][] k = new boolean[m][n];
            for (int i = 0; i < m; i++) {
                System.arraycopy(keep, (l * m + i) * n, k[i], 0, n);
            }
            softmax.add(WordLinks.fromSubwords(k, srcWord, tgtWord));
            argmax.add(WordLinks.mutualArgmax(slice(rowBest, l * m, m), slice(colBest, l * n, n), srcWord, tgtWord));
        }
        return new Links(softmax, argmax);
    }

    static int[] slice(long[] a, int from, int length) {
        int[] out = new int[length];
        for (int i = 0; i < length; i++) {
            out[i] = (int) a[from + i];
        }
        return out;
    }
}
