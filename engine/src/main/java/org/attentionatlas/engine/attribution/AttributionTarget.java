package org.attentionatlas.engine.attribution;

import ai.djl.ndarray.NDArray;

/** The scalar F whose gradient is attributed: one value per row of a batch of final hidden states. */
public interface AttributionTarget {

    /**
     * @param hidden final hidden states [B, T, D]
     * @param mask   [B, T] float32, 1 for real tokens
     * @return F of every row, [B], differentiable with respect to {@code hidden}
     */
    NDArray score(NDArray hidden, NDArray mask);

    /** What F is, as the JSON names it: {@code target_log_prob} or {@code cosine}. */
    String scoreName();
}
