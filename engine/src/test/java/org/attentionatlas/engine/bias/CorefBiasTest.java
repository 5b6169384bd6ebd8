package org.attentionatlas.engine.bias;

import org.attentionatlas.engine.attention.RawAttention;
import org.attentionatlas.engine.tokenize.Encoding;
import org.attentionatlas.text.CharSpan;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Coreference attention and the pro-minus-anti gap on a hand-built two-pair corpus with known answers. */
class CorefBiasTest {

    private static final double EPS = 1e-6;

    /** "nurse doctor she": [CLS] nurse doc ##tor she [SEP]; units [CLS]=0 nurse=1 doctor=2 she=3 [SEP]=4. */
    static Encoding encoding(String pronoun) {
        String text = "nurse doctor " + pronoun;
        int p = 13;
        return new Encoding(text, new int[] {101, 1, 2, 3, 4, 102},
                new String[] {"[CLS]", "nurse", "doc", "##tor", pronoun, "[SEP]"},
                new int[] {0, 0, 6, 9, p, 0}, new int[] {0, 5, 9, 12, p + pronoun.length(), 0},
                new int[] {-1, 0, 1, 1, 2, -1}, new boolean[] {true, false, false, false, false, true});
    }

    /** One layer, two heads; every row uniform except the pronoun's (token 4), which is given per head. */
    static RawAttention attention(Encoding e, float[] head0Row, float[] head1Row) {
        float[][][][] a = new float[1][2][6][6];
        for (int h = 0; h < 2; h++) {
            for (int q = 0; q < 6; q++) {
                java.util.Arrays.fill(a[0][h][q], 1f / 6);
            }
        }
        a[0][0][4] = head0Row;
        a[0][1][4] = head1Row;
        return new RawAttention(e, a, null, null, null);
    }

    static final CharSpan NURSE = new CharSpan(0, 5);
    static final CharSpan DOCTOR = new CharSpan(6, 12);

    @Test
    void goldShareByHand() {
        Encoding e = encoding("she");
        // head 0: nurse 0.3, doctor 0.1 + 0.1 = 0.2 -> 0.6; head 1: nurse 0.1, doctor 0.4 -> 0.2
        RawAttention raw = attention(e, new float[] {0.1f, 0.3f, 0.1f, 0.1f, 0.2f, 0.2f},
                new float[] {0.2f, 0.1f, 0.2f, 0.2f, 0.1f, 0.2f});
        CorefScores s = CorefAttention.score(raw, new CharSpan(13, 16), NURSE, DOCTOR);
        assertArrayEquals(new double[] {0.6, 0.2}, s.perHead()[0], EPS);
        // head mean: nurse 0.2, doctor 0.3 -> 0.4
        assertEquals(0.4, s.perLayer()[0], EPS);
        assertEquals(0.4, s.overall(), EPS);
        // one layer of rollout: 0.5*A + 0.5*I keeps the ratio of the pronoun row's occupation entries
        assertEquals(0.4, s.rollout(), EPS);
    }

    @Test
    void pairedGapByHand() {
        // pair 1: pro 0.4, anti: nurse 0.1, doctor 0.4 -> 0.2; pair 2: pro: nurse 0.7, doctor 0.3 -> 0.7, anti 0.4
        double pro1 = overall("she", new float[] {0.1f, 0.3f, 0.1f, 0.1f, 0.2f, 0.2f},
                new float[] {0.2f, 0.1f, 0.2f, 0.2f, 0.1f, 0.2f});
        double anti1 = overall("he", new float[] {0.3f, 0.1f, 0.2f, 0.2f, 0.1f, 0.1f},
                new float[] {0.3f, 0.1f, 0.2f, 0.2f, 0.1f, 0.1f});
        double pro2 = overall("she", new float[] {0.3f, 0.7f, 0.1f, 0.2f, 0f, 0f},
                new float[] {0.3f, 0.7f, 0.1f, 0.2f, 0f, 0f});
        double anti2 = overall("he", new float[] {0.2f, 0.2f, 0.2f, 0.1f, 0.2f, 0.1f},
                new float[] {0.2f, 0.2f, 0.2f, 0.1f, 0.2f, 0.1f});
        assertEquals(0.4, pro1, EPS);
        assertEquals(0.2, anti1, EPS);
        assertEquals(0.7, pro2, EPS);
        assertEquals(0.4, anti2, EPS);
        double[] pro = {pro1, pro2};
        double[] anti = {anti1, anti2};
        IntervalEstimate gap = PairedGap.meanDifference(pro, anti, 1000, 7);
        assertEquals(0.25, gap.value(), EPS); // differences 0.2 and 0.3
        // a resample of two differences has mean 0.2, 0.25 or 0.3 (probabilities 1/4, 1/2, 1/4)
        assertEquals(0.2, gap.lower(), EPS);
        assertEquals(0.3, gap.upper(), EPS);
        assertEquals(0.5, PairedGap.fractionAbove(pro, 0.5, 1000, 7).value(), EPS);
        assertEquals(0.0, PairedGap.fractionAbove(anti, 0.5, 1000, 7).value(), EPS);
    }

    @Test
    void nanPairsAreLeftOutAndCounted() {
        IntervalEstimate gap = PairedGap.meanDifference(new double[] {0.6, Double.NaN, 0.9}, new double[] {0.5, 0.1, 0.3},
                500, 1);
        assertEquals(2, gap.n());
        assertEquals(0.35, gap.value(), EPS);
    }

    @Test
    void spanOverNoTokenIsReported() {
        RawAttention raw = attention(encoding("she"), new float[6], new float[6]);
        UnlocatedSpanException e = assertThrows(UnlocatedSpanException.class,
                () -> CorefAttention.score(raw, new CharSpan(12, 13), NURSE, DOCTOR));
        assertTrue(e.getMessage().contains("pronoun span [12, 13)"), e.getMessage());
    }

    @Test
    void multiTokenWordsAndSpansLocateByOffsets() {
        Encoding e = encoding("she");
        assertArrayEquals(new int[] {2, 3}, SpanLocator.tokens(e, DOCTOR));
        assertArrayEquals(new int[] {2}, SpanLocator.units(e, org.attentionatlas.engine.attention.WordAttention.of(e),
                new CharSpan(7, 10), "occupation"));
    }

    private static double overall(String pronoun, float[] h0, float[] h1) {
        Encoding e = encoding(pronoun);
        return CorefAttention.score(attention(e, h0, h1), new CharSpan(13, 13 + pronoun.length()), NURSE, DOCTOR)
                .overall();
    }
}
