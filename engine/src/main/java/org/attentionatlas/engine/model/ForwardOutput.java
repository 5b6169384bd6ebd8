package org.attentionatlas.engine.model;

import ai.djl.ndarray.NDArray;

/**
 * @param hidden        final hidden states [B, T, D] (T5: the encoder's, after its final norm)
 * @param decoderHidden T5 decoder final hidden states [B, U, D] (scaled as the LM head expects), else null
 */
public record ForwardOutput(NDArray hidden, NDArray decoderHidden) {
}
