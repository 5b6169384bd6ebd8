package org.attentionatlas.udfs;

import java.io.Serializable;
import java.util.Objects;

/**
 * What the head-importance job's executors need: shipped with every task.
 *
 * @param model     which model, and how to load it
 * @param batchSize sequences per forward (and backward) pass
 * @param maxLength longest sequence, special tokens included; longer texts are cut into consecutive windows
 *                  (0: the model's maximum)
 * @param maskRate  share of each sequence's non-special tokens replaced by [MASK]
 * @param seed      seed of the masks (with each window's document key and index)
 */
public record ImportanceSettings(ModelSettings model, int batchSize, int maxLength, double maskRate, long seed)
        implements Serializable {

    public ImportanceSettings {
        Objects.requireNonNull(model, "model");
        if (batchSize < 1) {
            throw new IllegalArgumentException("--batch-size must be positive, got " + batchSize);
        }
        if (maxLength != 0 && maxLength < 3) {
            throw new IllegalArgumentException("--max-length must be 0 (the model's) or at least 3, got " + maxLength);
        }
        if (!(maskRate > 0 && maskRate <= 1)) {
            throw new IllegalArgumentException("--mask-rate must be in (0, 1], got " + maskRate);
        }
    }
}
