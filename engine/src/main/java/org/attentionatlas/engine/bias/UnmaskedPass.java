package org.attentionatlas.engine.bias;

/**
 * @param logProbs log P(token i | the whole unmasked sentence), per token
 * @param received attention token i receives, averaged over layers, heads and query positions
 */
public record UnmaskedPass(double[] logProbs, double[] received) {
}
