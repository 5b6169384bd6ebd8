package org.attentionatlas.engine.attribution;

import ai.djl.ndarray.NDArray;

/** The sentence embedding of sentence-transformers' mean pooling: the mask-weighted mean of the hidden states. */
public final class MeanPooling {

    private MeanPooling() {
    }

    /** hidden [B, T, D], mask [B, T] → [B, D]; special tokens count like any other, as sentence-transformers does. */
    public static NDArray pool(NDArray hidden, NDArray mask) {
        NDArray m = mask.expandDims(-1);
        return hidden.mul(m).sum(new int[] {1}).div(m.sum(new int[] {1}));
    }
}
