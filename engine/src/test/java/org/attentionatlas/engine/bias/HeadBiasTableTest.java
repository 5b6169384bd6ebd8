package org.attentionatlas.engine.bias;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

class HeadBiasTableTest {

    @Test
    void perHeadGapsAndTopHeadsByHand() {
        // two pairs, 1 layer x 3 heads; gaps: head0 (0.1+0.3)/2 = 0.2, head1 -0.5, head2 0
        List<double[][]> pro = List.of(new double[][] {{0.6, 0.2, 0.5}}, new double[][] {{0.8, 0.1, 0.5}});
        List<double[][]> anti = List.of(new double[][] {{0.5, 0.7, 0.5}}, new double[][] {{0.5, 0.6, 0.5}});
        IntervalEstimate[][] gaps = HeadBiasTable.pairedGaps(pro, anti, 500, 3);
        assertEquals(0.2, gaps[0][0].value(), 1e-12);
        assertEquals(-0.5, gaps[0][1].value(), 1e-12);
        assertEquals(0.0, gaps[0][2].value(), 1e-12);
        assertEquals(-0.5, gaps[0][1].lower(), 1e-12); // both pairs differ by -0.5
        List<HeadBiasTable.HeadValue> top = HeadBiasTable.top(HeadBiasTable.values(gaps), 2);
        assertEquals(new HeadBiasTable.HeadValue(0, 1, -0.5), top.get(0));
        assertEquals(0, top.get(1).head());
    }
}
