package org.attentionatlas.web;

import org.attentionatlas.engine.attention.RawAttention;
import org.attentionatlas.engine.attention.WordAttention;

/**
 * One text put through one model on the page (not an audit run): what the attention, flow and export requests read.
 * The JSON API calls its id {@code run}.
 */
public record Inference(String id, String model, String revision, RawAttention attention, WordAttention words) {

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

    /** What this inference holds on the heap, in bytes: its attention matrices and value norms, tokens and word map. */
    public long heapBytes() {
        return HeapBytes.of(attention.attentions()) + HeapBytes.of(attention.decoderAttentions())
                + HeapBytes.of(attention.crossAttentions()) + HeapBytes.of(attention.valueNorms())
                + HeapBytes.of(attention.decoderIds())
                + HeapBytes.of(attention.encoding()) + HeapBytes.of(words.labels()) + HeapBytes.ofInts(tokenCount());
    }
}
