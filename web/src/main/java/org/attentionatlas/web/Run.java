package org.attentionatlas.web;

import org.attentionatlas.engine.attention.RawAttention;
import org.attentionatlas.engine.attention.WordAttention;

/** One text run through one model: what the attention, flow and export requests read. */
public record Run(String id, String model, String revision, RawAttention attention, WordAttention words) {

    public String[] tokens() {
        return attention.encoding().tokens();
    }

    public int layers() {
        return attention.layers();
    }

    public int heads() {
        return attention.heads();
    }

    public int tokenCount() {
        return attention.encoding().length();
    }
}
