package org.attentionatlas.engine.attribution;

/**
 * What to attribute: a text, a method and one target — a word at the text's [MASK] (models with an MLM head) or a
 * second text whose sentence embedding the first one's is compared with.
 *
 * @param steps       integrated-gradients interpolation points
 * @param targetWord  the word whose log-probability at the mask is F, or null
 * @param compareText the text whose mean-pooled embedding F's cosine uses, or null
 * @param baseline    the token whose embedding replaces the attributed tokens' in the baseline, or {@code zero}
 */
public record AttributionRequest(String text, AttributionMethod method, int steps, String targetWord,
                                 String compareText, String baseline) {

    public static final String DEFAULT_BASELINE = "[PAD]";

    public AttributionRequest {
        Attributor.checkSteps(steps);
        if (targetWord != null && compareText != null) {
            throw new IllegalArgumentException("give --target or --compare-text, not both");
        }
        if (baseline == null || baseline.isBlank()) {
            throw new IllegalArgumentException("--baseline must name a token or 'zero'");
        }
    }
}
