package org.attentionatlas.engine.model;

import ai.djl.Device;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import org.attentionatlas.engine.config.ModelConfig;
import org.attentionatlas.engine.hooks.Hooks;

/** A transformer whose weights live on one device; forward passes run in the caller's batch-scoped manager. */
public interface Transformer extends AutoCloseable {

    ModelConfig config();

    Device device();

    /** Precision of weights and activations. */
    Precision precision();

    /**
     * Runs one padded batch. Every array the pass creates is closed with {@code batch} (layer scratch is closed as the
     * pass goes); hook listeners see the named activations while they exist.
     */
    ForwardOutput forward(NDManager batch, ForwardInput input, Hooks hooks);

    /** Whether {@link #forwardEmbedded} runs this architecture (BERT and RoBERTa encoders). */
    default boolean acceptsWordEmbeddings() {
        return false;
    }

    /** The word-embedding rows of {@code ids} [B, T]: [B, T, D], in the ids' manager. */
    default NDArray wordEmbeddings(NDArray ids) {
        throw new UnsupportedOperationException(config().architecture() + " takes no word embeddings as input");
    }

    /**
     * {@link #forward} from word embeddings [B, T, D] instead of the input ids' rows (position and type embeddings are
     * still added): the pass stays differentiable with respect to {@code words}, for gradient attribution.
     */
    default ForwardOutput forwardEmbedded(NDManager batch, ForwardInput input, NDArray words, Hooks hooks) {
        throw new UnsupportedOperationException(config().architecture() + " takes no word embeddings as input");
    }

    /** Whether the checkpoint has a language-model head (MLM head for BERT/RoBERTa, LM head for GPT-2 and T5). */
    boolean hasLmHead();

    /**
     * Vocabulary logits for hidden states [..., D] (BERT/RoBERTa/GPT-2: the final hidden states; T5: the decoder's).
     * Apply it only to the positions you need: the vocabulary is large.
     */
    NDArray lmHead(NDArray hidden);

    @Override
    void close();
}
