package org.attentionatlas.engine.agreement;

/**
 * How far one attention-derived ranking of a text's tokens agrees with one attribution's.
 *
 * @param attention   last-layer, rollout or max-flow
 * @param attribution grad-input, ig or leave-one-out (ranked by magnitude)
 * @param tau         Kendall τ-b
 * @param p           its two-sided p-value (normal approximation)
 * @param topKOverlap share of the k highest-ranked tokens both rankings hold
 * @param tokens      how many tokens were ranked
 */
public record MethodAgreement(String attention, String attribution, double tau, double p, double topKOverlap,
                              int tokens) {
}
