package org.attentionatlas.engine.bias;

import org.attentionatlas.engine.attention.AttentionRollout;
import org.attentionatlas.engine.attention.RawAttention;
import org.attentionatlas.engine.attention.WordAttention;
import org.attentionatlas.text.CharSpan;

/** Coreference attention of one WinoBias-style sentence: pronoun → gold occupation vs pronoun → other occupation. */
public final class CorefAttention {

    private CorefAttention() {
    }

    /**
     * Scores one sentence from its raw attention, rollout included (through all layers).
     *
     * @throws UnlocatedSpanException when a span covers no token of the encoding
     */
    public static CorefScores score(RawAttention raw, CharSpan pronoun, CharSpan gold, CharSpan other) {
        WordAttention words = WordAttention.of(raw.encoding());
        int[] p = SpanLocator.units(raw.encoding(), words, pronoun, "pronoun");
        int[] g = SpanLocator.units(raw.encoding(), words, gold, "gold occupation");
        int[] o = SpanLocator.units(raw.encoding(), words, other, "other occupation");
        double[][] toGold = HeadSpanAttention.of(raw, words, p, g);
        double[][] toOther = HeadSpanAttention.of(raw, words, p, o);
        double[][] perHead = new double[toGold.length][];
        for (int l = 0; l < toGold.length; l++) {
            perHead[l] = new double[toGold[l].length];
            for (int h = 0; h < toGold[l].length; h++) {
                perHead[l][h] = SpanAttention.share(toGold[l][h], toOther[l][h]);
            }
        }
        double[] goldLayer = HeadSpanAttention.headMean(toGold);
        double[] otherLayer = HeadSpanAttention.headMean(toOther);
        double[] perLayer = new double[goldLayer.length];
        for (int l = 0; l < perLayer.length; l++) {
            perLayer[l] = SpanAttention.share(goldLayer[l], otherLayer[l]);
        }
        double overall = SpanAttention.share(HeadSpanAttention.mean(toGold), HeadSpanAttention.mean(toOther));
        float[][] unitRollout = words.aggregate(AttentionRollout.of(raw).rollout());
        double rollout = SpanAttention.share(SpanAttention.between(unitRollout, p, g),
                SpanAttention.between(unitRollout, p, o));
        return new CorefScores(perHead, perLayer, overall, rollout);
    }
}
