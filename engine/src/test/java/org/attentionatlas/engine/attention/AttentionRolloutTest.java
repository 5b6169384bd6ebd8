package org.attentionatlas.engine.attention;

import org.attentionatlas.engine.tokenize.Encoding;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class AttentionRolloutTest {

    static final double TOL = 1e-9;

    /**
     * Head-averaged attention of 3 tokens in 2 layers, [layer][query][key]:
     * <pre>
     *   A1 = | 1    0    0   |      A2 = | 0 1 0 |
     *        | 0.5  0.5  0   |           | 0 0 1 |
     *        | 0    0.5  0.5 |           | 1 0 0 |
     * </pre>
     */
    static float[][][] threeTokensTwoLayers() {
        return new float[][][] {
                {{1, 0, 0}, {0.5f, 0.5f, 0}, {0, 0.5f, 0.5f}},
                {{0, 1, 0}, {0, 0, 1}, {1, 0, 0}}};
    }

    @Test
    void residualAdjustedHalvesAttentionAndAddsHalfIdentity() {
        AttentionRollout r = AttentionRollout.of(threeTokensTwoLayers());
        // Â1 = 0.5·A1 + 0.5·I; rows already sum to 1
        assertMatrix(new double[][] {{1, 0, 0}, {0.25, 0.75, 0}, {0, 0.25, 0.75}}, r.adjusted(1));
        // Â2 = 0.5·A2 + 0.5·I
        assertMatrix(new double[][] {{0.5, 0.5, 0}, {0, 0.5, 0.5}, {0.5, 0, 0.5}}, r.adjusted(2));
    }

    @Test
    void rowsThatDoNotSumToOneAreRenormalised() {
        // row 0: 0.5·[0.6, 0.2, 0] + [0.5, 0, 0] = [0.8, 0.1, 0], sum 0.9 → [8/9, 1/9, 0]
        // row 2 sums to 0 before the residual: 0.5·0 + 0.5·e2 = [0, 0, 0.5] → [0, 0, 1]
        double[][] a = AttentionRollout.residualAdjusted(new float[][] {{0.6f, 0.2f, 0}, {0, 1, 0}, {0, 0, 0}});
        assertArrayEquals(new double[] {8.0 / 9, 1.0 / 9, 0}, a[0], 1e-7);
        assertArrayEquals(new double[] {0, 1, 0}, a[1], 1e-7);
        assertArrayEquals(new double[] {0, 0, 1}, a[2], 1e-7);
    }

    @Test
    void rolloutIsTheProductOfTheAdjustedLayers() {
        AttentionRollout r = AttentionRollout.of(threeTokensTwoLayers());
        // R = Â2·Â1:
        //   row 0 = 0.5·[1, 0, 0]     + 0.5·[0.25, 0.75, 0]  = [0.625, 0.375, 0]
        //   row 1 = 0.5·[0.25, .75, 0] + 0.5·[0, 0.25, 0.75] = [0.125, 0.5, 0.375]
        //   row 2 = 0.5·[1, 0, 0]     + 0.5·[0, 0.25, 0.75]  = [0.5, 0.125, 0.375]
        double[][] expected = {{0.625, 0.375, 0}, {0.125, 0.5, 0.375}, {0.5, 0.125, 0.375}};
        assertMatrix(expected, r.rollout());
        assertMatrix(r.adjusted(1), r.upTo(1)); // R_1 = Â1
        assertMatrix(expected, r.upTo(2));
        for (double[] row : r.rollout()) {
            assertEquals(1, row[0] + row[1] + row[2], TOL);
        }
    }

    @Test
    void edgeRelevanceDecomposesOneRolloutRow() {
        AttentionRollout r = AttentionRollout.of(threeTokensTwoLayers());
        double[][][] e = r.edgeRelevance(0);
        // layer 2, target 0: ρ2 = e0, edges into (2,0) are row 0 of Â2 = [0.5, 0.5, 0]
        assertArrayEquals(new double[] {0.5, 0.5, 0}, e[1][0], TOL);
        assertArrayEquals(new double[] {0, 0, 0}, e[1][1], TOL);
        // layer 1: ρ1 = [0.5, 0.5, 0]; edges = ρ1(q)·Â1[q][k]: row 0 [0.5,0,0], row 1 [0.125,0.375,0]
        assertArrayEquals(new double[] {0.5, 0, 0}, e[0][0], TOL);
        assertArrayEquals(new double[] {0.125, 0.375, 0}, e[0][1], TOL);
        // what reaches the inputs is row 0 of R
        double[] atInputs = new double[3];
        for (double[] row : e[0]) {
            for (int k = 0; k < 3; k++) {
                atInputs[k] += row[k];
            }
        }
        assertArrayEquals(r.rollout()[0], atInputs, TOL);
    }

    @Test
    void rawAttentionIsHeadAveragedFirst() {
        // two heads of one layer whose mean is A1 above
        float[][][][] att = {{
                {{1, 0, 0}, {1, 0, 0}, {0, 1, 0}},
                {{1, 0, 0}, {0, 1, 0}, {0, 0, 1}}}};
        Encoding e = new Encoding("a b c", new int[3], new String[] {"a", "b", "c"}, new int[3], new int[3],
                new int[] {0, 1, 2}, new boolean[3]);
        AttentionRollout r = AttentionRollout.of(new RawAttention(e, att, null, null, null));
        assertMatrix(new double[][] {{1, 0, 0}, {0.25, 0.75, 0}, {0, 0.25, 0.75}}, r.rollout());
    }

    @Test
    void layersAreNumberedFromOne() {
        AttentionRollout r = AttentionRollout.of(threeTokensTwoLayers());
        assertThrows(IndexOutOfBoundsException.class, () -> r.upTo(0));
        assertThrows(IndexOutOfBoundsException.class, () -> r.adjusted(3));
        assertThrows(IllegalArgumentException.class, () -> AttentionRollout.of(new float[][][] {{{1, 0}}}));
    }

    static void assertMatrix(double[][] expected, double[][] actual) {
        assertEquals(expected.length, actual.length);
        for (int i = 0; i < expected.length; i++) {
            assertArrayEquals(expected[i], actual[i], 1e-7, "row " + i);
        }
    }
}
