package org.attentionatlas.udfs;

import java.io.Serializable;
import java.util.Objects;

/**
 * What the agreement job's executor needs: shipped with every task.
 *
 * @param model      which model, and how to load it
 * @param steps      integrated-gradients interpolation points (one batch per text)
 * @param topK       k of the top-k overlap
 * @param chunkTexts texts a task holds in memory at once
 */
public record AgreementSettings(ModelSettings model, int steps, int topK, int chunkTexts) implements Serializable {

    public AgreementSettings {
        Objects.requireNonNull(model, "model");
        if (steps < 1 || steps > 1024) {
            throw new IllegalArgumentException("--steps must be between 1 and 1024, got " + steps);
        }
        if (topK < 1) {
            throw new IllegalArgumentException("--top-k must be positive, got " + topK);
        }
        if (chunkTexts < 1) {
            throw new IllegalArgumentException("--chunk-texts must be positive, got " + chunkTexts);
        }
    }
}
