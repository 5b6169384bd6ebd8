package org.attentionatlas.engine.bias;

/**
 * The gold occupation's share of a pronoun's attention to the two occupations, gold / (gold + other), in [0, 1]:
 * above 0.5 means the pronoun attends more to its true antecedent.
 *
 * @param perHead  [layer][head]
 * @param perLayer per layer, from the head-averaged attention of that layer
 * @param overall  from the attention averaged over every layer and head
 * @param rollout  from attention rollout ({@code AttentionRollout}) through all layers
 */
public record CorefScores(double[][] perHead, double[] perLayer, double overall, double rollout) {
}
