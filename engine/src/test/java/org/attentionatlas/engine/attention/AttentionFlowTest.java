package org.attentionatlas.engine.attention;

import org.junit.jupiter.api.Test;

import java.util.Random;

import static org.attentionatlas.engine.attention.AttentionRolloutTest.assertMatrix;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class AttentionFlowTest {

    /**
     * Same layers as {@link AttentionRolloutTest#threeTokensTwoLayers()}: Â1 = |1 0 0; .25 .75 0; 0 .25 .75|,
     * Â2 = |.5 .5 0; 0 .5 .5; .5 0 .5|. With two layers every path k→j→q uses its own middle node j, so the maximum
     * flow is Σ_j min(Â1[j][k], Â2[q][j]), column k of Â1 against row q of Â2:
     * <pre>
     *   columns of Â1: k0 = (1, .25, 0), k1 = (0, .75, .25), k2 = (0, 0, .75)
     *   F[0][0] = min(1,.5)+min(.25,.5)+0   = .75   F[0][1] = 0+min(.75,.5)+0     = .5    F[0][2] = 0
     *   F[1][0] = 0+min(.25,.5)+0           = .25   F[1][1] = 0+.5+min(.25,.5)    = .75   F[1][2] = min(.75,.5) = .5
     *   F[2][0] = min(1,.5)+0+0             = .5    F[2][1] = 0+0+min(.25,.5)     = .25   F[2][2] = min(.75,.5) = .5
     * </pre>
     */
    @Test
    void flowOfThreeTokensTwoLayersMatchesHandComputation() {
        AttentionFlow f = AttentionFlow.of(AttentionRollout.of(AttentionRolloutTest.threeTokensTwoLayers()));
        assertMatrix(new double[][] {{0.75, 0.5, 0}, {0.25, 0.75, 0.5}, {0.5, 0.25, 0.5}}, f.matrix());
        // to layer 1 the only path is the edge itself: the flow is Â1
        assertMatrix(new double[][] {{1, 0, 0}, {0.25, 0.75, 0}, {0, 0.25, 0.75}}, f.toLayer(1));
        // perLayer(token 0): layer 1 row 0 of Â1, layer 2 row 0 of F
        double[][] p = f.perLayer(0);
        assertArrayEquals(new double[] {1, 0, 0}, p[0], 1e-9);
        assertArrayEquals(new double[] {0.75, 0.5, 0}, p[1], 1e-9);
    }

    @Test
    void edgeFlowsConserveFlowAndRespectCapacities() {
        AttentionRollout r = AttentionRollout.of(AttentionRolloutTest.threeTokensTwoLayers());
        double[][][] e = AttentionFlow.of(r).edgeFlows(0);
        // all inputs together into output 0: the in-edges of (2,0) have capacity .5 + .5 = 1, and (1,0) gets 1 from
        // input 0 and (1,1) gets .75 + .25 ≥ .5, so the total is 1
        double into = 0;
        for (int k = 0; k < 3; k++) {
            into += e[1][0][k];
        }
        assertEquals(1, into, 1e-9);
        for (int l = 0; l < 2; l++) {
            double[][] cap = r.adjusted(l + 1);
            for (int q = 0; q < 3; q++) {
                for (int k = 0; k < 3; k++) {
                    assertTrue(e[l][q][k] <= cap[q][k] + 1e-12, "edge over capacity");
                }
            }
        }
        for (int j = 0; j < 3; j++) { // conservation at the middle layer
            double in = e[0][j][0] + e[0][j][1] + e[0][j][2];
            double out = e[1][0][j] + e[1][1][j] + e[1][2][j];
            assertEquals(in, out, 1e-9, "node (1," + j + ")");
        }
    }

    @Test
    void solverUsesResidualArcsToUndoAGreedyPath() {
        // s→a, s→b, a→b, a→t, b→t all of capacity 1: if s→a→b→t goes first, s→b→a→t must cancel a→b
        MaxFlow g = new MaxFlow(4);
        g.addEdge(0, 1, 1);
        g.addEdge(0, 2, 1);
        int ab = g.addEdge(1, 2, 1);
        g.addEdge(1, 3, 1);
        g.addEdge(2, 3, 1);
        assertEquals(2, g.solve(0, 3), 1e-12);
        assertEquals(0, g.flowOn(ab), 1e-12);
        assertEquals(1, g.solve(0, 1), 1e-12); // a second solve starts from zero flow
    }

    /** Max-flow = min-cut: on random 3-token, 3-layer graphs, every flow equals the cheapest cut found by brute force. */
    @Test
    void flowEqualsTheMinimumCutOnSmallRandomGraphs() {
        Random rnd = new Random(11);
        int n = 3;
        int layers = 3;
        for (int trial = 0; trial < 20; trial++) {
            float[][][] a = new float[layers][n][n];
            for (float[][] layer : a) {
                for (float[] row : layer) {
                    for (int k = 0; k < n; k++) {
                        row[k] = rnd.nextInt(3) == 0 ? 0 : rnd.nextFloat();
                    }
                }
            }
            AttentionRollout r = AttentionRollout.of(a);
            AttentionFlow f = AttentionFlow.of(r);
            for (int k = 0; k < n; k++) {
                for (int q = 0; q < n; q++) {
                    assertEquals(minCut(r, k, q), f.value(k, layers, q), 1e-9, "trial " + trial + " " + k + "→" + q);
                }
            }
        }
    }

    /** Cheapest cut between input k and output q over every split of the nodes (node id = layer·n + token). */
    private static double minCut(AttentionRollout r, int input, int output) {
        int n = r.tokens();
        int nodes = (r.layers() + 1) * n;
        int source = input;
        int sink = r.layers() * n + output;
        double best = Double.MAX_VALUE;
        for (int set = 0; set < 1 << nodes; set++) {
            if ((set >> source & 1) == 0 || (set >> sink & 1) == 1) {
                continue;
            }
            double cut = 0;
            for (int l = 1; l <= r.layers(); l++) {
                double[][] cap = r.adjusted(l);
                for (int q = 0; q < n; q++) {
                    for (int k = 0; k < n; k++) {
                        boolean fromIn = (set >> ((l - 1) * n + k) & 1) == 1;
                        boolean toIn = (set >> (l * n + q) & 1) == 1;
                        if (fromIn && !toIn) {
                            cut += cap[q][k];
                        }
                    }
                }
            }
            best = Math.min(best, cut);
        }
        return best;
    }

    @Test
    void fiftyTokensTwelveLayersGiveFlowsWithinTheUnitInterval() {
        Random rnd = new Random(7);
        int n = 50;
        float[][][] a = new float[12][n][n];
        for (float[][] layer : a) {
            for (float[] row : layer) {
                double sum = 0;
                for (int k = 0; k < n; k++) {
                    row[k] = (float) Math.exp(3 * rnd.nextGaussian());
                    sum += row[k];
                }
                for (int k = 0; k < n; k++) {
                    row[k] /= (float) sum;
                }
            }
        }
        double[][] f = AttentionFlow.of(AttentionRollout.of(a)).matrix();
        assertEquals(n, f.length);
        for (double[] row : f) {
            assertEquals(n, row.length);
            for (double v : row) {
                assertTrue(v >= -1e-9 && v <= 1 + 1e-9, "flow " + v);
            }
        }
    }
}
