package org.attentionatlas.engine.align;

import org.junit.jupiter.api.Test;

import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** AER, precision and recall on hand-computed sure/possible cases. */
class AerCountsTest {

    private static final double EPS = 1e-12;

    private static Link l(int s, int t) {
        return new Link(s, t);
    }

    @Test
    void possibleIncludesSure() {
        GoldAlignment g = GoldAlignment.of(Set.of(l(0, 0)), Set.of(l(1, 2)));
        assertEquals(Set.of(l(0, 0)), g.sure());
        assertEquals(Set.of(l(0, 0), l(1, 2)), g.possible());
    }

    @Test
    void handComputedSentence() {
        // S = {0-0, 1-1, 2-2}, P = S ∪ {2-3, 3-3}; A = {0-0, 1-1, 2-3, 3-0}
        GoldAlignment g = GoldAlignment.of(Set.of(l(0, 0), l(1, 1), l(2, 2)), Set.of(l(2, 3), l(3, 3)));
        AerCounts c = AerCounts.of(Set.of(l(0, 0), l(1, 1), l(2, 3), l(3, 0)), g);
        assertEquals(new AerCounts(4, 3, 2, 3), c);
        // AER = 1 - (2 + 3) / (4 + 3) = 2/7; precision 3/4; recall 2/3
        assertEquals(2.0 / 7, c.aer(), EPS);
        assertEquals(0.75, c.precision(), EPS);
        assertEquals(2.0 / 3, c.recall(), EPS);
    }

    @Test
    void corpusSumsCountsNotRates() {
        GoldAlignment g1 = GoldAlignment.of(Set.of(l(0, 0)), Set.of());
        GoldAlignment g2 = GoldAlignment.of(Set.of(l(0, 0), l(1, 1), l(2, 2), l(3, 3)), Set.of(l(0, 1)));
        AerCounts a = AerCounts.of(Set.of(l(0, 0)), g1);                    // perfect: AER 0
        AerCounts b = AerCounts.of(Set.of(l(0, 1), l(1, 1)), g2);           // |A|=2 |S|=4 A∩S=1 A∩P=2
        AerCounts sum = a.plus(b);
        assertEquals(new AerCounts(3, 5, 2, 3), sum);
        assertEquals(1 - 5.0 / 8, sum.aer(), EPS);         // not the mean of 0 and 1 - 3/6
        assertEquals(1.0, sum.precision(), EPS);
        assertEquals(0.4, sum.recall(), EPS);
    }

    @Test
    void perfectAndEmpty() {
        GoldAlignment g = GoldAlignment.of(Set.of(l(0, 0)), Set.of(l(1, 1)));
        assertEquals(0.0, AerCounts.of(Set.of(l(0, 0)), g).aer(), EPS);
        // a possible-only prediction beside the sure one: still AER 0 (1 - (1 + 2) / (2 + 1))
        assertEquals(0.0, AerCounts.of(Set.of(l(0, 0), l(1, 1)), g).aer(), EPS);
        AerCounts none = AerCounts.of(Set.of(), g);
        assertEquals(1.0, none.aer(), EPS);
        assertTrue(Double.isNaN(none.precision()));
        assertTrue(Double.isNaN(AerCounts.ZERO.aer()));
    }
}
