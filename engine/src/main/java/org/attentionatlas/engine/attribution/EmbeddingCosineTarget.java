package org.attentionatlas.engine.attribution;

import ai.djl.ndarray.NDArray;

/** F = cosine of the mean-pooled sentence embedding with a fixed reference embedding (another text's). */
public final class EmbeddingCosineTarget implements AttributionTarget {

    private final NDArray reference;

    /** @param reference [D], a constant: no gradient flows into it */
    public EmbeddingCosineTarget(NDArray reference) {
        this.reference = reference.div(reference.norm());
    }

    @Override
    public NDArray score(NDArray hidden, NDArray mask) {
        NDArray pooled = MeanPooling.pool(hidden, mask);
        NDArray norms = pooled.norm(new int[] {-1});
        return pooled.matMul(reference.reshape(-1, 1)).squeeze(-1).div(norms);
    }

    @Override
    public String scoreName() {
        return "cosine";
    }
}
