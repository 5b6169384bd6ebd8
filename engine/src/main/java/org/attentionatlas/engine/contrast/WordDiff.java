package org.attentionatlas.engine.contrast;

import java.util.ArrayList;
import java.util.List;

/**
 * The alignment of two unit sequences by a longest common subsequence of their keys: the matched pairs in order and,
 * per side, the units left unmatched (the changed words). Among equally long subsequences the earliest matches win.
 *
 * @param aligned  [iA, iB] pairs in text order
 * @param changedA units of A without a partner
 * @param changedB units of B without a partner
 */
public record WordDiff(List<int[]> aligned, int[] changedA, int[] changedB) {

    public static WordDiff of(List<String> keysA, List<String> keysB) {
        int n = keysA.size();
        int m = keysB.size();
        int[][] suffix = new int[n + 1][m + 1]; // LCS length of keysA[i..] and keysB[j..]
        for (int i = n - 1; i >= 0; i--) {
            for (int j = m - 1; j >= 0; j--) {
                suffix[i][j] = keysA.get(i).equals(keysB.get(j)) ? suffix[i + 1][j + 1] + 1
                        : Math.max(suffix[i + 1][j], suffix[i][j + 1]);
            }
        }
        List<int[]> pairs = new ArrayList<>();
        boolean[] usedA = new boolean[n];
        boolean[] usedB = new boolean[m];
        int i = 0;
        int j = 0;
        while (i < n && j < m) {
            if (keysA.get(i).equals(keysB.get(j)) && suffix[i][j] == suffix[i + 1][j + 1] + 1) {
                pairs.add(new int[] {i, j});
                usedA[i++] = true;
                usedB[j++] = true;
            } else if (suffix[i + 1][j] >= suffix[i][j + 1]) {
                i++;
            } else {
                j++;
            }
        }
        return new WordDiff(List.copyOf(pairs), unused(usedA), unused(usedB));
    }

    public int size() {
        return aligned.size();
    }

    /** The aligned units of one side (0 = A, 1 = B), in order. */
    public int[] side(int s) {
        int[] out = new int[aligned.size()];
        for (int r = 0; r < out.length; r++) {
            out[r] = aligned.get(r)[s];
        }
        return out;
    }

    private static int[] unused(boolean[] used) {
        return java.util.stream.IntStream.range(0, used.length).filter(k -> !used[k]).toArray();
    }
}
