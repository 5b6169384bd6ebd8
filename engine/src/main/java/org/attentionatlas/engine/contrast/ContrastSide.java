package org.attentionatlas.engine.contrast;

import org.attentionatlas.engine.attention.RawAttention;
import org.attentionatlas.engine.attention.WordAttention;
import org.attentionatlas.engine.load.ModelProvenance;
import org.attentionatlas.engine.tokenize.Encoding;

/**
 * One side of a contrast: a text's attention through one model, with its word units.
 *
 * @param provenance   where the model came from
 * @param architecture the model's architecture name, as {@code inspect} records it
 * @param attention    the text's raw attention (encoder or decoder-only self-attention)
 */
public record ContrastSide(ModelProvenance provenance, String architecture, RawAttention attention) {

    public Encoding encoding() {
        return attention.encoding();
    }

    public WordAttention words() {
        return WordAttention.of(encoding());
    }
}
