package org.attentionatlas.engine.mlm;

/** One fill-mask candidate: probability is the softmax over the whole vocabulary. */
public record Prediction(String token, int id, double probability) {
}
