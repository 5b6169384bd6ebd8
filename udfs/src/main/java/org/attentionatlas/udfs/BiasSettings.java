package org.attentionatlas.udfs;

import java.io.Serializable;
import java.util.Objects;

/**
 * What the bias job's executor needs to score sentences: shipped with every task.
 *
 * @param model          which model, and how to load it
 * @param batchSize      sentences per forward pass
 * @param chunkSentences sentences a task holds in memory at once
 */
public record BiasSettings(ModelSettings model, int batchSize, int chunkSentences) implements Serializable {

    public BiasSettings {
        Objects.requireNonNull(model, "model");
        if (batchSize < 1) {
            throw new IllegalArgumentException("--batch-size must be positive, got " + batchSize);
        }
        if (chunkSentences < 1) {
            throw new IllegalArgumentException("--chunk-sentences must be positive, got " + chunkSentences);
        }
    }
}
