package org.attentionatlas.engine.mlm;

import java.util.List;

/**
 * The candidates for one mask of a text.
 *
 * @param position    which mask: 0 for the text's first mask token, 1 for the second, …
 * @param tokenIndex  the mask's index in the model's tokens (special tokens included)
 * @param predictions the most probable tokens there, best first
 */
public record MaskPredictions(int position, int tokenIndex, List<Prediction> predictions) {

    public MaskPredictions {
        predictions = List.copyOf(predictions);
    }
}
