package org.attentionatlas.engine.importance;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** Seeded masking and the layer-normalised ranking, on hand-computed cases. */
class MaskingAndRankingTest {

    private static final boolean[] SPECIAL = new boolean[22];

    static {
        SPECIAL[0] = true;
        SPECIAL[21] = true;
    }

    private static int[] ids() {
        int[] ids = new int[22];
        for (int i = 0; i < ids.length; i++) {
            ids[i] = 100 + i;
        }
        return ids;
    }

    @Test
    void masksFifteenPercentOfTheTextTokensTheSameWayForTheSameKey() {
        MaskedSequence a = MaskedSequence.of(ids(), SPECIAL, 4, 0.15, 7, "doc-1#0");
        MaskedSequence again = MaskedSequence.of(ids(), SPECIAL, 4, 0.15, 7, "doc-1#0");
        assertEquals(3, a.masked()); // round(0.15 · 20 text tokens)
        assertArrayEquals(a.positions(), again.positions());
        for (int i = 0; i < a.masked(); i++) {
            int p = a.positions()[i];
            assertFalse(SPECIAL[p], "a special token was masked");
            assertEquals(4, a.input()[p]);
            assertEquals(100 + p, a.targets()[i]);
        }
        int unchanged = 0;
        for (int i = 0; i < 22; i++) {
            unchanged += a.input()[i] == 100 + i ? 1 : 0;
        }
        assertEquals(19, unchanged);
        assertNotEquals(java.util.Arrays.toString(a.positions()),
                java.util.Arrays.toString(MaskedSequence.of(ids(), SPECIAL, 4, 0.15, 8, "doc-1#0").positions()));
        assertEquals(1, MaskedSequence.of(new int[] {1, 9, 2}, new boolean[] {true, false, true}, 4, 0.15, 7, "x")
                .masked(), "at least one token");
        assertThrows(IllegalArgumentException.class,
                () -> MaskedSequence.of(new int[] {1, 2}, new boolean[] {true, true}, 4, 0.15, 7, "x"));
    }

    @Test
    void normalisesEachLayerByItsL2NormAndRanksOverTheModel() {
        // 2 layers × 2 heads; Σ|grad| over 2 sequences
        ImportanceSums sums = new ImportanceSums(2, 2, new double[] {6, 8, 2, 0}, 2, 5)
                .plus(ImportanceSums.empty(2, 2));
        HeadRanking r = HeadRanking.of(sums);
        assertArrayEquals(new double[] {3, 4, 1, 0}, r.raw(), 1e-12);
        assertArrayEquals(new double[] {0.6, 0.8, 1, 0}, r.normalised(), 1e-12); // layer 0 /5, layer 1 /1
        assertArrayEquals(new int[] {2, 1, 0, 3}, r.rank());
        assertEquals(1, r.prunedCount(0.25));
        assertEquals(3, r.prunedCount(0.9)); // ⌊3.6⌋
        boolean[][] keep = r.keep(0.5);
        assertArrayEquals(new boolean[] {false, true}, keep[0]);
        assertArrayEquals(new boolean[] {true, false}, keep[1]);
    }
}
