package org.attentionatlas.engine.weights;

import org.attentionatlas.engine.config.ModelConfig;

import java.util.List;

/**
 * A checkpoint read from a format without a {@code config.json}: its weights under HF names and layout, the config
 * inferred from the weights and the graph, and the source entries that were deliberately left out.
 *
 * @param weights  every model weight, HF names and layout
 * @param config   inferred model config
 * @param skipped  source entries that are not model weights, each as {@code "name: reason"}
 */
public record Checkpoint(WeightMap weights, ModelConfig config, List<String> skipped) {

    public Checkpoint {
        skipped = List.copyOf(skipped);
    }
}
