package org.attentionatlas.engine.agreement;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** τ-b and its asymptotic p-value against scipy 1.17 ({@code kendalltau(x, y, method='asymptotic')}). */
class KendallTauTest {

    @Test
    void tiesOnBothSidesMatchScipy() {
        // scipy's documentation example
        KendallTau t = KendallTau.of(new double[] {12, 2, 1, 12, 2}, new double[] {1, 4, 7, 1, 0});
        assertEquals(-0.4714045207910316, t.tau(), 1e-12);
        assertEquals(0.28274545993277467, t.p(), 1e-6);
        KendallTau u = KendallTau.of(new double[] {0.1, 0.4, 0.4, 0.9, 0.3, 0.2}, new double[] {3, 1, 2, 2, 5, 0});
        assertEquals(-0.07142857142857144, u.tau(), 1e-12);
        assertEquals(0.8456867367859529, u.p(), 1e-6);
    }

    @Test
    void swappedNeighboursWithoutTies() {
        // 4 of 28 pairs discordant: τ = (24 − 4) / 28
        KendallTau t = KendallTau.of(new double[] {1, 2, 3, 4, 5, 6, 7, 8}, new double[] {2, 1, 4, 3, 6, 5, 8, 7});
        assertEquals(20.0 / 28, t.tau(), 1e-12);
        assertEquals(0.013347575926843162, t.p(), 1e-6);
        assertEquals(-1.0, KendallTau.of(new double[] {1, 2, 3}, new double[] {3, 2, 1}).tau(), 1e-12);
    }

    @Test
    void aConstantVectorHasNoTau() {
        KendallTau t = KendallTau.of(new double[] {1, 1, 1}, new double[] {1, 2, 3});
        assertTrue(Double.isNaN(t.tau()) && Double.isNaN(t.p()));
    }

    @Test
    void topKOverlapCountsSharedTopPositions() {
        double[] a = {0.9, 0.1, 0.5, 0.7, 0.0};
        double[] b = {0.2, 0.8, 0.6, 0.9, 0.1};
        assertEquals(2.0 / 3, TopKOverlap.of(a, b, 3), 1e-12);   // {0, 3, 2} ∩ {3, 1, 2}
        assertEquals(0.0, TopKOverlap.of(a, b, 1), 1e-12);
        assertEquals(1.0, TopKOverlap.of(a, b, 10), 1e-12);      // k beyond the length: every position
    }
}
