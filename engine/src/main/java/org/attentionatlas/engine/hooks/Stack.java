package org.attentionatlas.engine.hooks;

/** Which stack of blocks a hook point sits in: the only stack of BERT/GPT-2, or T5's encoder and decoder. */
public enum Stack {
    ENCODER("encoder."),
    DECODER("decoder."),
    /** Single-stack models, named without a prefix as in TransformerLens ({@code blocks.3.attn.hook_pattern}). */
    MAIN("");

    private final String prefix;

    Stack(String prefix) {
        this.prefix = prefix;
    }

    public String prefix() {
        return prefix;
    }
}
