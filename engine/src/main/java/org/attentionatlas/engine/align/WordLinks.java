package org.attentionatlas.engine.align;

import java.util.Set;
import java.util.TreeSet;

/** Word links from subword or word decisions. */
public final class WordLinks {

    private WordLinks() {
    }

    /** Two words are aligned when any of their subwords are: {@code keep[i][j]} over subwords i, j. */
    public static Set<Link> fromSubwords(boolean[][] keep, int[] srcWord, int[] tgtWord) {
        Set<Link> out = new TreeSet<>();
        for (int i = 0; i < keep.length; i++) {
            for (int j = 0; j < keep[i].length; j++) {
                if (keep[i][j]) {
                    out.add(new Link(srcWord[i], tgtWord[j]));
                }
            }
        }
        return out;
    }

    /**
     * Mutual argmax: (i, j) when j is row i's best column ({@code rowBest[i]}) and i is column j's best row
     * ({@code colBest[j]}). Mapped to words through {@code srcWord}/{@code tgtWord} (identity for word-level input).
     */
    public static Set<Link> mutualArgmax(int[] rowBest, int[] colBest, int[] srcWord, int[] tgtWord) {
        Set<Link> out = new TreeSet<>();
        for (int i = 0; i < rowBest.length; i++) {
            int j = rowBest[i];
            if (j >= 0 && j < colBest.length && colBest[j] == i) {
                out.add(new Link(srcWord[i], tgtWord[j]));
            }
        }
        return out;
    }

    static int[] identity(int n) {
        return java.util.stream.IntStream.range(0, n).toArray();
    }
}
