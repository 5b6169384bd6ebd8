package org.attentionatlas.engine.bias;

import org.attentionatlas.engine.attention.RawAttention;
import org.attentionatlas.engine.attention.WordAttention;
import org.attentionatlas.text.CharSpan;

/**
 * Word-level attention from a pronoun to an occupation in one sentence, per head [layer][head]; the input of the
 * occupation-association metric (attention from "she" minus attention from "he", per occupation).
 */
public final class PronounAttention {

    private PronounAttention() {
    }

    /** @throws UnlocatedSpanException when a span covers no token */
    public static double[][] perHead(RawAttention raw, CharSpan pronoun, CharSpan occupation) {
        WordAttention words = WordAttention.of(raw.encoding());
        int[] p = SpanLocator.units(raw.encoding(), words, pronoun, "pronoun");
        int[] o = SpanLocator.units(raw.encoding(), words, occupation, "occupation");
        return HeadSpanAttention.of(raw, words, p, o);
    }
}
