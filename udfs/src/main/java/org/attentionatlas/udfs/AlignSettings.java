package org.attentionatlas.udfs;

import java.io.Serializable;
import java.util.Objects;

/**
 * What the alignment job's executor needs: shipped with every task.
 *
 * @param model      which model, and how to load it
 * @param batchSize  sentence pairs per forward pass
 * @param chunkPairs pairs a task holds in memory at once
 * @param links      also return every aligner's links as text (for align_links)
 */
public record AlignSettings(ModelSettings model, int batchSize, int chunkPairs, boolean links) implements Serializable {

    public AlignSettings {
        Objects.requireNonNull(model, "model");
        if (batchSize < 1) {
            throw new IllegalArgumentException("--batch-size must be positive, got " + batchSize);
        }
        if (chunkPairs < 1) {
            throw new IllegalArgumentException("--chunk-pairs must be positive, got " + chunkPairs);
        }
    }
}
