package org.attentionatlas.engine.attribution;

/**
 * One text's attribution with what it was computed from.
 *
 * @param tokens    token strings, special tokens included
 * @param scoreName {@code target_log_prob} or {@code cosine}
 * @param targetId  the target word's id (MLM targets), else -1
 * @param maskIndex the mask's token index (MLM targets), else -1
 * @param baseline  the baseline token string, or {@code zero}
 */
public record AttributionResult(AttributionRequest request, String[] tokens, int[] ids, String scoreName, int targetId,
                                int maskIndex, String baseline, TokenAttribution values) {
}
