package org.attentionatlas.engine.contrast;

import org.attentionatlas.engine.attention.RawAttention;
import org.attentionatlas.engine.load.ModelProvenance;
import org.attentionatlas.engine.tokenize.Encoding;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Hand-made attention whose divergences are computed by hand. */
class ContrastHandMadeTest {

    /** JS((½, ½), (1, 0)) = ½[½ ln(½/¾) + ½ ln(½/¼)] + ½ ln(1/¾) = 0.21576155433883568 nats. */
    private static final double JS_HALF_VS_ONE = 0.5 * (0.5 * Math.log(0.5 / 0.75) + 0.5 * Math.log(0.5 / 0.25))
            + 0.5 * Math.log(1 / 0.75);

    @Test
    void jensenShannonOfHandRows() {
        assertEquals(0.21576155433883568, JS_HALF_VS_ONE, 1e-15);
        assertEquals(JS_HALF_VS_ONE, JensenShannon.divergence(new double[] {0.5, 0.5}, new double[] {1, 0}), 1e-15);
        assertEquals(Math.log(2), JensenShannon.divergence(new double[] {1, 0}, new double[] {0, 1}), 1e-15);
        assertEquals(0, JensenShannon.divergence(new double[] {0.3, 0.7}, new double[] {0.3, 0.7}), 0);
    }

    @Test
    void diffAlignsTheCommonSubsequenceAndMarksTheRest() {
        WordDiff d = WordDiff.of(List.of("a", "b", "c"), List.of("a", "x", "c", "d"));
        assertEquals(2, d.size());
        assertArrayEquals(new int[] {0, 0}, d.aligned().get(0));
        assertArrayEquals(new int[] {2, 2}, d.aligned().get(1));
        assertArrayEquals(new int[] {1}, d.changedA());
        assertArrayEquals(new int[] {1, 3}, d.changedB());
    }

    @Test
    void specialTokensMatchByPositionNotByString() {
        Encoding bert = encoding("he ran", new String[] {"[CLS]", "he", "ran", "[SEP]"});
        Encoding roberta = encoding("he ran", new String[] {"<s>", "he", "ran", "</s>"});
        assertEquals(List.of("start 0", "word he", "word ran", "end 0"), UnitKeys.of(bert));
        assertEquals(UnitKeys.of(bert), UnitKeys.of(roberta));
    }

    /**
     * Units [CLS] he|she ran [SEP]; aligned [CLS], ran, [SEP]. Head 0: A's [CLS] row restricted to the aligned keys is
     * (½, ½, 0), B's (1, 0, 0); the other aligned rows agree → divergence JS/3. A's "ran" gives 0.6 to "he", B's 0 to
     * "she" → changedMassA 0.6/3 = 0.2, changedMassB 0. Head 1: the same uniform attention on both sides → 0, 0.
     * Head 2: the [CLS] rows disjoint ((1,0,0) vs (0,1,0)) → ln 2 / 3.
     */
    @Test
    void divergenceChangedMassDifferenceAndTopHeads() {
        float[][] uniform = {
            {0.25f, 0.25f, 0.25f, 0.25f}, {0.25f, 0.25f, 0.25f, 0.25f},
            {0.25f, 0.25f, 0.25f, 0.25f}, {0.25f, 0.25f, 0.25f, 0.25f}};
        float[][] a0 = {{0.5f, 0, 0.5f, 0}, {0.25f, 0.25f, 0.25f, 0.25f}, {0.2f, 0.6f, 0.2f, 0}, {0, 0, 0, 1}};
        float[][] b0 = {{1, 0, 0, 0}, {0.25f, 0.25f, 0.25f, 0.25f}, {0.5f, 0, 0.5f, 0}, {0, 0, 0, 1}};
        float[][] a2 = {{1, 0, 0, 0}, {1, 0, 0, 0}, {0, 0, 1, 0}, {0, 0, 0, 1}};
        float[][] b2 = {{0, 0, 1, 0}, {1, 0, 0, 0}, {0, 0, 1, 0}, {0, 0, 0, 1}};
        ContrastSide a = side("he ran", "he", new float[][][][] {{a0, uniform, a2}});
        ContrastSide b = side("she ran", "she", new float[][][][] {{b0, uniform, b2}});

        Contrast c = Contrasts.compare(a, b, 2);

        assertEquals(3, c.diff().size());
        assertArrayEquals(new int[] {1}, c.diff().changedA());
        assertArrayEquals(new int[] {1}, c.diff().changedB());
        assertEquals(JS_HALF_VS_ONE / 3, c.divergence()[0][0], 1e-7);
        assertEquals(0, c.divergence()[0][1], 1e-7);
        assertEquals(Math.log(2) / 3, c.divergence()[0][2], 1e-7);
        assertEquals(0.2, c.changedMassA()[0][0], 1e-7);
        assertEquals(0, c.changedMassB()[0][0], 1e-7);
        assertEquals(0.2, c.changedDelta(0, 0), 1e-7);
        assertEquals(0.25, c.changedMassA()[0][1], 1e-7);
        assertEquals(0, c.changedDelta(0, 1), 1e-7);
        assertArrayEquals(new float[] {-0.5f, 0.5f, 0}, c.difference()[0][0][0], 1e-7f);
        assertArrayEquals(new float[] {0, 0, 0}, c.difference()[0][0][1], 1e-7f);
        assertArrayEquals(a0[2], c.attentionA()[0][0][2], 0);
        assertEquals(2, c.topHeads().size());
        assertEquals(new TopHead(0, 2, c.divergence()[0][2], 0), c.topHeads().get(0));
        assertEquals(0, c.topHeads().get(1).head());
        assertTrue(c.flow() != null && c.flowSkipped() == null, "4-token texts get max-flow");
    }

    /** The same token attention on both sides (only the changed word's label differs): 0 for heads, rollout, flow. */
    @Test
    void identicalAttentionHasNoDivergenceAnywhere() {
        float[][] m = {{0.4f, 0.1f, 0.3f, 0.2f}, {0.25f, 0.25f, 0.25f, 0.25f}, {0.1f, 0.2f, 0.3f, 0.4f},
            {0.2f, 0.2f, 0.2f, 0.4f}};
        Contrast c = Contrasts.compare(side("he ran", "he", new float[][][][] {{m}}),
                side("she ran", "she", new float[][][][] {{m}}), 1);
        assertEquals(0, c.divergence()[0][0], 1e-12);
        assertEquals(0, c.rollout().divergence()[0], 1e-7);
        assertEquals(0, c.flow().divergence()[0], 1e-7);
    }

    /**
     * One layer, one head: rollout = 0.5·A + 0.5·I (rows renormalised), and with one layer the max-flow from input k
     * to token q is the single edge's capacity, so flow = rollout. [CLS] rows: A (½,0,½,0) → (¾,0,¼,0), cut to
     * ([CLS], ran, [SEP]) (¾,¼,0); B (1,0,0,0) → (1,0,0). "ran" rows: A (0.2,0.6,0.2,0) → (0.1,0.3,0.6,0) → (1/7,6/7,0);
     * B (½,0,½,0) → (¼,0,¾,0) → (¼,¾,0). [SEP] rows equal.
     */
    @Test
    void rolloutAndFlowOfOneLayerByHand() {
        float[][] a = {{0.5f, 0, 0.5f, 0}, {0.25f, 0.25f, 0.25f, 0.25f}, {0.2f, 0.6f, 0.2f, 0}, {0, 0, 0, 1}};
        float[][] b = {{1, 0, 0, 0}, {0.25f, 0.25f, 0.25f, 0.25f}, {0.5f, 0, 0.5f, 0}, {0, 0, 0, 1}};
        Contrast c = Contrasts.compare(side("he ran", "he", new float[][][][] {{a}}),
                side("she ran", "she", new float[][][][] {{b}}), 1);
        double expected = (JensenShannon.divergence(new double[] {0.75, 0.25, 0}, new double[] {1, 0, 0})
                + JensenShannon.divergence(new double[] {1 / 7.0, 6 / 7.0, 0}, new double[] {0.25, 0.75, 0})) / 3;
        assertEquals(0.034929, expected, 1e-6);
        assertEquals(expected, c.rollout().divergence()[0], 1e-6);
        assertEquals(expected, c.flow().divergence()[0], 1e-6);
        assertArrayEquals(new float[] {-0.25f, 0.25f, 0}, c.rollout().difference()[0][0], 1e-6f);
    }

    @Test
    void refusesTextsWithoutACommonWordAndModelsOfDifferentShape() {
        float[][] m = {{1, 0, 0, 0}, {1, 0, 0, 0}, {1, 0, 0, 0}, {1, 0, 0, 0}};
        ContrastSide a = side("he ran", "he", new float[][][][] {{m}});
        IllegalArgumentException none = assertThrows(IllegalArgumentException.class, () -> Contrasts.align(
                a.encoding(), encoding("we sat", new String[] {"[CLS]", "we", "sat", "[SEP]"})));
        assertTrue(none.getMessage().contains("share no word"), none.getMessage());
        ContrastSide twoHeads = side("she ran", "she", new float[][][][] {{m, m}});
        IllegalArgumentException shape = assertThrows(IllegalArgumentException.class,
                () -> Contrasts.compare(a, twoHeads, 1));
        assertTrue(shape.getMessage().contains("1 layers × 1 heads"), shape.getMessage());
        assertThrows(IllegalArgumentException.class, () -> Contrasts.requireTwoRuns("m", null, "t", null));
        assertThrows(IllegalArgumentException.class, () -> Contrasts.requireTwoRuns("m", "m", "t", "t"));
        Contrasts.requireTwoRuns("m", null, "t", "u");
    }

    private static ContrastSide side(String text, String first, float[][][][] attention) {
        Encoding e = encoding(text, new String[] {"[CLS]", first, "ran", "[SEP]"});
        return new ContrastSide(new ModelProvenance("hand", "hand", "1", "none"), "BERT",
                new RawAttention(e, attention, null, null, null));
    }

    /** [special] word word [special], each word one token, words separated by one space. */
    private static Encoding encoding(String text, String[] tokens) {
        int space = text.indexOf(' ');
        return new Encoding(text, new int[] {1, 2, 3, 4}, tokens, new int[] {0, 0, space + 1, 0},
                new int[] {0, space, text.length(), 0}, new int[] {-1, 0, 1, -1},
                new boolean[] {true, false, false, true});
    }
}
