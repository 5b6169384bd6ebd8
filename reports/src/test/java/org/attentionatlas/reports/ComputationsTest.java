package org.attentionatlas.reports;

import org.attentionatlas.engine.attention.WordAttention;
import org.attentionatlas.engine.stats.HeadStat;
import org.attentionatlas.engine.tokenize.Encoding;
import org.attentionatlas.reports.figures.HeadDifferenceRanking;
import org.attentionatlas.reports.figures.TokenWords;
import org.attentionatlas.reports.render.ColorScale;
import org.junit.jupiter.api.Test;

import java.awt.Color;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

/** The report's own arithmetic: word grouping from token strings, head ranking, colour scales. */
class ComputationsTest {

    @Test
    void wordPieceContinuationsJoinTheirWord() {
        Encoding e = TokenWords.encoding(new String[] {"[CLS]", "un", "##believ", "##able", "news", "[SEP]"});
        assertArrayEquals(new int[] {-1, 0, 0, 0, 1, -1}, e.wordIds());
        assertArrayEquals(new String[] {"[CLS]", "unbelievable", "news", "[SEP]"}, WordAttention.of(e).labels());
    }

    @Test
    void sentencePieceAndByteLevelMarkWordStarts() {
        Encoding sp = TokenWords.encoding(new String[] {"<s>", "▁Hel", "lo", "▁world", "</s>"});
        assertArrayEquals(new String[] {"<s>", "Hello", "world", "</s>"}, WordAttention.of(sp).labels());
        Encoding bpe = TokenWords.encoding(new String[] {"The", "Ġcat", "s", "Ġsat"});
        assertArrayEquals(new String[] {"The", "cats", "sat"}, WordAttention.of(bpe).labels());
    }

    @Test
    void rankingScoresSpreadOverStandardDeviation() {
        // entropy: head (0,1) differs by 2 between the variants, the others by 0
        double[][] a = {{1, 1}, {1, 1}};
        double[][] b = {{1, 3}, {1, 1}};
        // values 1,1,1,1,1,3,1,1: mean 1.25, E[x²] = (7 + 9) / 8 = 2, sd = √(2 − 1.5625) = √0.4375
        List<HeadDifferenceRanking.Ranked> r = HeadDifferenceRanking.rank(Map.of(HeadStat.ENTROPY, List.of(a, b)), 2);
        assertEquals(0, r.get(0).layer());
        assertEquals(1, r.get(0).head());
        assertEquals(2 / Math.sqrt(0.4375), r.get(0).score(), 1e-12);
        assertEquals(HeadStat.ENTROPY, r.get(0).topStat());
        assertArrayEquals(new double[] {1, 3}, r.get(0).topValues());
        assertEquals(0, r.get(1).score(), 0);
        assertArrayEquals(new double[] {0, 2}, HeadDifferenceRanking.difference(a, b)[0]);
    }

    @Test
    void divergingScaleIsCentredOnZeroAndNanIsGrey() {
        ColorScale s = ColorScale.diverging(new double[] {-0.5, 2});
        assertEquals(-2, s.getLowerBound());
        assertEquals(2, s.getUpperBound());
        assertEquals(new Color(0xF7F7F7), s.color(0));
        assertEquals(ColorScale.MISSING, s.color(Double.NaN));
        ColorScale flat = ColorScale.sequential(new double[] {3, 3});
        assertEquals(2.5, flat.getLowerBound());
        assertEquals(3.5, flat.getUpperBound());
    }
}
