package org.attentionatlas.engine.model;

import ai.djl.Device;
import org.attentionatlas.engine.config.ModelConfig;
import org.attentionatlas.engine.weights.WeightMap;

/** Builds the runtime of a config's architecture from a weight map, on a device. */
public final class Transformers {

    private Transformers() {
    }

    public static Transformer create(ModelConfig config, WeightMap weights, Device device) {
        return create(config, weights, device, Precision.FP32);
    }

    public static Transformer create(ModelConfig config, WeightMap weights, Device device, Precision precision) {
        return switch (config.architecture()) {
            case BERT, ROBERTA -> new BertEncoder(config, weights, device, precision);
            case GPT2 -> new Gpt2Decoder(config, weights, device, precision);
            case T5 -> new T5Model(config, weights, device, precision);
        };
    }
}
