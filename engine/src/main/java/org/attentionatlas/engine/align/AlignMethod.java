package org.attentionatlas.engine.align;

/** How links are extracted; {@link #label()} is the name the results tables use. */
public enum AlignMethod {
    /** Similarity: softmax over each direction of S = Hs·Htᵀ, pairs above the threshold in both kept. */
    SOFTMAX("softmax"),
    /** Similarity: mutual argmax of S. */
    ARGMAX("argmax"),
    /** Attention: mutual argmax of one layer's word-level attention averaged over its heads. */
    ATTENTION_MEAN("attention-mean"),
    /** Attention: mutual argmax of one head's word-level attention. */
    HEAD("head");

    private final String label;

    AlignMethod(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    public boolean similarity() {
        return this == SOFTMAX || this == ARGMAX;
    }
}
