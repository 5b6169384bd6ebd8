package org.attentionatlas.engine.attribution;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import org.attentionatlas.engine.model.Transformer;

/**
 * The reference input of integrated gradients (and the {@code baseline_score} of every method): each attributed
 * token's word embedding replaced by one token's embedding ([PAD] by default) or by zeros; kept positions (the special
 * tokens and the mask) and all position and type embeddings stay as in the input.
 *
 * @param tokenId the replacing token's id, or -1 for the zero vector
 * @param name    how the JSON names it: the token string, or {@code zero}
 */
public record Baseline(int tokenId, String name) {

    public static Baseline token(int id, String name) {
        if (id < 0) {
            throw new IllegalArgumentException("baseline token '" + name + "' is not in the vocabulary");
        }
        return new Baseline(id, name);
    }

    public static Baseline zero() {
        return new Baseline(-1, "zero");
    }

    /** The baseline's word embeddings [1, T, D] for input word embeddings {@code words} [1, T, D] of {@code ids}. */
    NDArray words(Transformer model, NDArray words, boolean[] keep) {
        NDManager m = words.getManager();
        int t = keep.length;
        float[] k = new float[t];
        for (int i = 0; i < t; i++) {
            k[i] = keep[i] ? 1f : 0f;
        }
        NDArray kept = m.create(k, new Shape(1, t, 1));
        NDArray replacement = tokenId < 0
                ? m.zeros(words.getShape(), words.getDataType())
                : model.wordEmbeddings(m.create(new long[] {tokenId}, new Shape(1, 1)).toType(DataType.INT64, false));
        return words.mul(kept).add(replacement.mul(kept.neg().add(1f)));
    }
}
