package org.attentionatlas.engine.bias;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SpearmanTest {

    @Test
    void tiesGetAverageRanks() {
        assertArrayEquals(new double[] {1, 2.5, 2.5, 4, 5}, Spearman.ranks(new double[] {1, 2, 2, 3, 4}), 0);
        assertArrayEquals(new double[] {2, 2, 2}, Spearman.ranks(new double[] {7, 7, 7}), 0);
    }

    @Test
    void rhoByHandWithTies() {
        // ranks x = 1, 2.5, 2.5, 4, 5; ranks y = 2, 1, 4, 3, 5
        // sxy = 6.5, sxx = 9.5, syy = 10 -> rho = 6.5 / sqrt(95)
        double rho = Spearman.rho(new double[] {1, 2, 2, 3, 4}, new double[] {2, 1, 4, 3, 5});
        assertEquals(6.5 / Math.sqrt(95), rho, 1e-12);
        assertEquals(0.6668859288553503, rho, 1e-12);
    }

    @Test
    void monotoneIsOneAndConstantIsNaN() {
        assertEquals(1.0, Spearman.rho(new double[] {1, 5, 9, 10}, new double[] {0.1, 0.2, 3, 40}), 1e-12);
        assertEquals(-1.0, Spearman.rho(new double[] {1, 5, 9, 10}, new double[] {4, 3, 2, 1}), 1e-12);
        assertTrue(Double.isNaN(Spearman.rho(new double[] {1, 1, 1}, new double[] {1, 2, 3})));
    }

    @Test
    void permutationPValueIsSeededAndNearTheExactValue() {
        double[] x = {1, 2, 3, 4, 5};
        double[] y = {10, 20, 30, 40, 50};
        Correlation a = PermutationTest.spearman(x, y, 20000, 42);
        Correlation b = PermutationTest.spearman(x, y, 20000, 42);
        assertEquals(a, b);
        assertEquals(1.0, a.rho(), 1e-12);
        // exactly 2 of the 120 orderings reach |rho| = 1: p = 1/60
        assertEquals(1.0 / 60, a.pValue(), 0.004);
    }

    @Test
    void unrelatedDataGetsALargePValue() {
        Correlation c = PermutationTest.spearman(new double[] {1, 2, 3, 4, 5, 6}, new double[] {3, 6, 1, 5, 2, 4},
                5000, 3);
        assertTrue(c.pValue() > 0.3, c.toString());
    }

    @Test
    void occupationAssociationPerHead() {
        // two heads; head 0 follows % female exactly, head 1 is reversed
        double[][][] sheMinusHe = {{{0.25, 0.75}}, {{0.5, 0.5}}, {{0.75, 0.25}}, {{1.0, 0.0}}};
        double[] pct = {10, 40, 60, 90};
        Correlation[][] c = OccupationAssociation.perHead(sheMinusHe, pct, 2000, 5);
        assertEquals(1.0, c[0][0].rho(), 1e-12);
        assertEquals(-1.0, c[0][1].rho(), 1e-12);
        // the head mean is 0.5 everywhere: no ranking, no correlation
        assertTrue(Double.isNaN(OccupationAssociation.headAveraged(sheMinusHe, pct, 100, 5).rho()));
    }
}
