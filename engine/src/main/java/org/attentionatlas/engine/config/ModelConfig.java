package org.attentionatlas.engine.config;

/**
 * The shape and hyper-parameters of one model, whatever checkpoint format it came from.
 *
 * @param architecture         model family
 * @param layers               encoder layers (decoder-only models: the decoder layers)
 * @param decoderLayers        decoder layers of an encoder-decoder model, else 0
 * @param hidden               model width
 * @param heads                attention heads per layer
 * @param headDim              width of one head (T5's d_kv may differ from hidden / heads)
 * @param intermediate         feed-forward width
 * @param vocab                vocabulary size
 * @param maxPositions         learned positions (0 for T5, which has none)
 * @param typeVocab            token-type vocabulary (BERT family), else 0
 * @param eps                  layer-norm epsilon
 * @param activation           feed-forward activation
 * @param padTokenId           id used for padding
 * @param relativeBuckets      T5 relative position buckets, else 0
 * @param relativeMaxDistance  T5 relative position max distance, else 0
 * @param decoderStartTokenId  T5 decoder start id
 * @param scaleDecoderOutputs  T5 with tied embeddings scales the decoder output by hidden^-0.5 before the LM head
 */
public record ModelConfig(
        Architecture architecture,
        int layers,
        int decoderLayers,
        int hidden,
        int heads,
        int headDim,
        int intermediate,
        int vocab,
        int maxPositions,
        int typeVocab,
        double eps,
        Activation activation,
        int padTokenId,
        int relativeBuckets,
        int relativeMaxDistance,
        int decoderStartTokenId,
        boolean scaleDecoderOutputs) {

    public ModelConfig {
        if (layers <= 0 || hidden <= 0 || heads <= 0 || headDim <= 0 || vocab <= 0) {
            throw new IllegalArgumentException("invalid model config: layers=" + layers + " hidden=" + hidden
                    + " heads=" + heads + " headDim=" + headDim + " vocab=" + vocab);
        }
    }

    /** A BERT-family encoder config (MiniLM, bge, Google BERT, mBERT, RoBERTa). */
    public static ModelConfig bert(Architecture arch, int layers, int hidden, int heads, int intermediate, int vocab,
                                   int maxPositions, int typeVocab, double eps, Activation act, int padTokenId) {
        if (heads <= 0 || hidden % heads != 0) {
            throw new IllegalArgumentException("hidden size " + hidden + " is not a multiple of " + heads + " heads");
        }
        return new ModelConfig(arch, layers, 0, hidden, heads, hidden / heads, intermediate, vocab, maxPositions,
                typeVocab, eps, act, padTokenId, 0, 0, 0, false);
    }

    /** The longest input the model accepts, in tokens (RoBERTa loses padding_idx + 1 positions); T5 has no limit. */
    public int maxTokens() {
        switch (architecture) {
            case ROBERTA:
                return maxPositions - padTokenId - 1;
            case T5:
                return Integer.MAX_VALUE;
            default:
                return maxPositions;
        }
    }
}
