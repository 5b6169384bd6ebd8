package org.attentionatlas.datasets.align;

import java.util.List;

/**
 * One sentence pair of an alignment corpus: the pre-split words of each side and, with gold, the links as flat
 * 0-based index pairs {@code [s0, t0, s1, t1, …]} ({@code possible} includes the sure links).
 *
 * @param line 1-based line in {@code file}
 */
public record AlignedPair(String file, long line, List<String> src, List<String> tgt, int[] sure, int[] possible) {

    public AlignedPair {
        src = List.copyOf(src);
        tgt = List.copyOf(tgt);
    }

    public boolean hasGold() {
        return sure != null;
    }
}
