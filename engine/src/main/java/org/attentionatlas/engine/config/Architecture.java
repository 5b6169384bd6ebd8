package org.attentionatlas.engine.config;

/** The transformer families the runtime implements. */
public enum Architecture {
    /** BERT encoder (MiniLM, bge, Google BERT, mBERT), optional MLM head. */
    BERT,
    /** RoBERTa / XLM-R encoder: BERT layers, positions from padding_idx + 1, optional LM head. */
    ROBERTA,
    /** GPT-2 decoder: causal, pre-LayerNorm, Conv1D weights, tied LM head. */
    GPT2,
    /** T5 encoder-decoder: RMS norm, relative position buckets, cross-attention, LM head. */
    T5;

    public boolean isEncoderDecoder() {
        return this == T5;
    }

    public boolean isCausal() {
        return this == GPT2;
    }
}
