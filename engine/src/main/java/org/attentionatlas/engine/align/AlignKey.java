package org.attentionatlas.engine.align;

/**
 * One aligner of the grid. {@code layer} follows the method: for similarity methods the number of transformer layers
 * applied (0 = embeddings), for attention the 0-based layer index; {@code head} is -1 except for {@link
 * AlignMethod#HEAD}.
 */
public record AlignKey(AlignMethod method, int layer, int head) {
}
