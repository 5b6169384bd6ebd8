package org.attentionatlas.engine.attribution;

/**
 * One text's attribution.
 *
 * @param scores          per input token, in token order (special tokens included)
 * @param score           F at the input
 * @param baselineScore   F at the baseline
 * @param completenessGap IG: |Σ scores − (F(x) − F(baseline))| / |F(x) − F(baseline)|; NaN for the other methods
 */
public record TokenAttribution(float[] scores, double score, double baselineScore, double completenessGap) {
}
