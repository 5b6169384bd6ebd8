package org.attentionatlas.engine.bias;

import org.junit.jupiter.api.Test;

import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class BootstrapTest {

    private static double[] sample() {
        Random r = new Random(11);
        double[] v = new double[200];
        for (int i = 0; i < v.length; i++) {
            v[i] = 0.3 + r.nextGaussian() * 0.2;
        }
        return v;
    }

    @Test
    void intervalContainsThePointEstimate() {
        IntervalEstimate e = Bootstrap.mean(sample(), 2000, 1);
        assertTrue(e.lower() < e.value() && e.value() < e.upper(), e.toString());
        assertEquals(200, e.n());
        // roughly the normal-theory half width 1.96 * 0.2 / sqrt(200) = 0.028
        assertEquals(0.028, (e.upper() - e.lower()) / 2, 0.008);
    }

    @Test
    void sameSeedSameInterval() {
        assertEquals(Bootstrap.mean(sample(), 1000, 99), Bootstrap.mean(sample(), 1000, 99));
        assertNotEquals(Bootstrap.mean(sample(), 1000, 99), Bootstrap.mean(sample(), 1000, 100));
    }

    @Test
    void quantileInterpolatesLikeNumpy() {
        double[] sorted = {1, 2, 3, 4};
        assertEquals(1.075, Bootstrap.quantile(sorted, 0.025), 1e-12);
        assertEquals(3.925, Bootstrap.quantile(sorted, 0.975), 1e-12);
    }

    @Test
    void emptyInputGivesNaN() {
        IntervalEstimate e = Bootstrap.mean(new double[0], 100, 1);
        assertEquals(0, e.n());
        assertTrue(Double.isNaN(e.value()));
    }
}
