package org.attentionatlas.engine.model;

import ai.djl.ndarray.NDArray;
import org.attentionatlas.engine.config.ModelConfig;

/**
 * The masked-LM head of BERT ({@code cls.predictions.*}) and RoBERTa ({@code lm_head.*}):
 * {@code LayerNorm(act(h·Wᵀ + b))·Eᵀ + bias}, the decoder tied to the word embeddings unless the checkpoint has its own.
 */
final class MlmHead {

    private final ModelConfig config;
    private final NDArray denseW;
    private final NDArray denseB;
    private final NDArray lnG;
    private final NDArray lnB;
    private final NDArray decoder;
    private final NDArray decoderBias;

    private MlmHead(ModelConfig config, NDArray denseW, NDArray denseB, NDArray lnG, NDArray lnB, NDArray decoder,
                    NDArray decoderBias) {
        this.config = config;
        this.denseW = denseW;
        this.denseB = denseB;
        this.lnG = lnG;
        this.lnB = lnB;
        this.decoder = decoder;
        this.decoderBias = decoderBias;
    }

    /** The head if the checkpoint has one, else null (encoder-only exports such as the ONNX models). */
    static MlmHead find(DeviceWeights weights, NDArray wordEmb, ModelConfig c) {
        String dense;
        String ln;
        String bias;
        String dec;
        if (weights.has("cls.predictions.transform.dense.weight")) {
            dense = "cls.predictions.transform.dense.";
            ln = "cls.predictions.transform.LayerNorm.";
            bias = "cls.predictions.bias";
            dec = "cls.predictions.decoder.weight";
        } else if (weights.has("lm_head.dense.weight")) {
            dense = "lm_head.dense.";
            ln = "lm_head.layer_norm.";
            bias = "lm_head.bias";
            dec = "lm_head.decoder.weight";
        } else {
            return null;
        }
        long d = c.hidden();
        long v = c.vocab();
        NDArray decoder = weights.has(dec) ? weights.get(dec, v, d) : wordEmb;
        return new MlmHead(c, weights.get(dense + "weight", d, d), weights.get(dense + "bias", d),
                weights.get(ln + "weight", d), weights.get(ln + "bias", d), decoder, weights.get(bias, v));
    }

    NDArray logits(NDArray hidden) {
        NDArray h = Ops.activation(Ops.linear(hidden, denseW, denseB), config);
        h = Ops.layerNorm(h, lnG, lnB, config.eps());
        return Ops.linear(h, decoder, decoderBias);
    }
}
