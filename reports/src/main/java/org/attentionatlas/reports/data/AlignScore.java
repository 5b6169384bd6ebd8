package org.attentionatlas.reports.data;

import java.util.List;

/**
 * One alignment score of the latest committed run of a model revision and language pair: an align_layers row
 * (method softmax, argmax or attention-mean; {@code layer} = layers applied, head −1) or an align_heads row (method
 * {@link #HEAD}; 0-based layer and head). AER, precision and recall as fractions, NaN without gold.
 */
public record AlignScore(String runId, String model, String revision, String languagePair, String method, int layer,
                         int head, double aer, double precision, double recall, long sentences) {

    /** The method name given to align_heads rows. */
    public static final String HEAD = "head";

    public boolean isHead() {
        return HEAD.equals(method);
    }

    /** Model, revision and language pair: the rows of one run. */
    public List<String> pairKey() {
        return List.of(model, revision, languagePair);
    }
}
