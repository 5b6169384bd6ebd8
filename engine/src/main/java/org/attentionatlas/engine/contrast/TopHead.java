package org.attentionatlas.engine.contrast;

/** One of the most different heads: its divergence (nats) and change in attention to the changed words (A − B). */
public record TopHead(int layer, int head, double divergence, double changedDelta) {
}
