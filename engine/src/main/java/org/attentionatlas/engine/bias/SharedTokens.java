package org.attentionatlas.engine.bias;

import java.util.ArrayList;
import java.util.List;

/**
 * The tokens two sentences of a minimal pair share, from a token-level diff (longest common subsequence, as the
 * "equal" blocks of CrowS-Pairs' difflib opcodes): the tokens outside the differing span are the ones that get
 * masked, so both sentences are scored on the same tokens.
 */
public final class SharedTokens {

    /** Positions in each sentence of the shared tokens, aligned: a[i] and b[i] are the same token. */
    public record Alignment(int[] a, int[] b) {
    }

    private SharedTokens() {
    }

    /** Aligns {@code a} and {@code b}, ignoring positions flagged in {@code skipA}/{@code skipB} (special tokens). */
    public static Alignment of(int[] a, boolean[] skipA, int[] b, boolean[] skipB) {
        int n = a.length;
        int m = b.length;
        int[][] lcs = new int[n + 1][m + 1];
        for (int i = n - 1; i >= 0; i--) {
            for (int j = m - 1; j >= 0; j--) {
                lcs[i][j] = a[i] == b[j] && !skipA[i] && !skipB[j] ? lcs[i + 1][j + 1] + 1
                        : Math.max(lcs[i + 1][j], lcs[i][j + 1]);
            }
        }
        List<int[]> pairs = new ArrayList<>();
        int i = 0;
        int j = 0;
        while (i < n && j < m) {
            if (a[i] == b[j] && !skipA[i] && !skipB[j] && lcs[i][j] == lcs[i + 1][j + 1] + 1) {
                pairs.add(new int[] {i++, j++});
            } else if (lcs[i + 1][j] >= lcs[i][j + 1]) {
                i++;
            } else {
                j++;
            }
        }
        return new Alignment(pairs.stream().mapToInt(p -> p[0]).toArray(), pairs.stream().mapToInt(p -> p[1]).toArray());
    }
}
