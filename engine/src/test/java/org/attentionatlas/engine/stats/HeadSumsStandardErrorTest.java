package org.attentionatlas.engine.stats;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Standard errors from hand-made sequences of one head, checked against the ratio estimator worked out by hand. */
class HeadSumsStandardErrorTest {

    /** One head's slots with the given entropy sum and offset-bucket masses (offset → mass). */
    private static float[] slots(double entropy, double... offsetMass) {
        float[] s = new float[DeviceSlot.SLOTS];
        s[DeviceSlot.ENTROPY.ordinal()] = (float) entropy;
        for (int i = 0; i < offsetMass.length; i += 2) {
            s[DeviceSlot.values().length + OffsetBuckets.of((int) offsetMass[i])] += (float) offsetMass[i + 1];
        }
        return s;
    }

    private static HeadSums sequence(float[] slots, long queries) {
        HeadSums s = new HeadSums(1, 1);
        s.addSequence(slots, 0, queries);
        return s;
    }

    // y = 2, 3, 10 over n = 2, 3, 5 queries: R = 15/10 = 1.5, residuals y − R·n = −1, −1.5, 2.5, Σ² = 9.5,
    // SE = √(9.5 · 3/2) / 10 = 0.377492...
    private final HeadSums a = sequence(slots(2, -1, 1, 0, 1), 2);
    private final HeadSums b = sequence(slots(3, 0, 3), 3);
    private final HeadSums c = sequence(slots(10, 1, 5, -1, 5), 5);

    @Test
    void sequencesAreUnitsOfTheRatioEstimator() {
        HeadSums all = new HeadSums(1, 1).add(a).add(b).add(c);
        assertEquals(3, all.units());
        assertEquals(1.5, all.mean(HeadStat.ENTROPY, 0, 0), 1e-12);
        assertEquals(Math.sqrt(14.25) / 10, all.standardError(HeadStat.ENTROPY, 0, 0), 1e-6);
        assertEquals(4 + 9 + 100, all.sumOfSquares(HeadStat.ENTROPY, 0, 0), 1e-9);
        assertEquals(4 + 9 + 25, all.queryTokensSquared(), 1e-9);
    }

    @Test
    void aStatisticOverSeveralBucketsSquaresTheirSum() {
        // local1 (offsets −1..1) sums to the same 2, 3, 10 per sequence although spread over different buckets;
        // squaring bucket by bucket would give 1+1, 9, 25+25 instead of 4, 9, 100
        HeadSums all = new HeadSums(1, 1).add(a).add(b).add(c);
        assertEquals(113, all.sumOfSquares(HeadStat.LOCAL1, 0, 0), 1e-9);
        assertEquals(Math.sqrt(14.25) / 10, all.standardError(HeadStat.LOCAL1, 0, 0), 1e-6);
        // prev_mass: y = 1, 0, 5 over 2, 3, 5: R = 0.6, residuals −0.2, −1.8, 2, Σ² = 7.28, SE = √(7.28·1.5)/10
        assertEquals(Math.sqrt(7.28 * 1.5) / 10, all.standardError(HeadStat.PREV_MASS, 0, 0), 1e-6);
    }

    @Test
    void documentsAsUnitsMergeTheirWindowsFirst() {
        // a and b are two windows of one document: units y = 5 (n = 5) and 10 (n = 5); R = 1.5, residuals ∓2.5,
        // SE = √(12.5 · 2/1) / 10 = 0.5
        HeadSums doc = new HeadSums(1, 1).add(a).add(b).asOneUnit();
        HeadSums all = doc.add(c.asOneUnit());
        assertEquals(2, all.units());
        assertEquals(3, all.sequences());
        assertEquals(0.5, all.standardError(HeadStat.ENTROPY, 0, 0), 1e-6);
    }

    @Test
    void mergingIsExactInAnyOrder() {
        HeadSums left = new HeadSums(1, 1).add(a).add(b).add(c);
        HeadSums right = new HeadSums(1, 1).add(c).add(new HeadSums(1, 1).add(b).add(a));
        for (HeadStat s : HeadStat.values()) {
            assertEquals(left.standardError(s, 0, 0), right.standardError(s, 0, 0), 1e-12, s.column());
        }
    }

    @Test
    void oneUnitHasNoStandardError() {
        assertTrue(Double.isNaN(new HeadSums(1, 1).add(a).standardError(HeadStat.ENTROPY, 0, 0)));
    }
}
