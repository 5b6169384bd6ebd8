package org.attentionatlas.datasets.align;

/** An input line (or a part of one) that was not used, and why; {@code line} is 1-based. */
public record AlignReject(String file, long line, String reason) {
}
