package org.attentionatlas.engine.bias;

import org.attentionatlas.engine.tokenize.Encoding;
import org.attentionatlas.text.CharSpan;

import java.util.Locale;
import java.util.Map;

/** Fill-mask gender gap at a pronoun slot: log P(male form) − log P(female form), the slot masked. */
public final class FillMaskGap {

    /** Male pronoun form → its female counterpart in the same grammatical slot. */
    private static final Map<String, String> FEMALE_OF = Map.of(
            "he", "she", "him", "her", "his", "her", "himself", "herself", "他", "她");

    private FillMaskGap() {
    }

    /** The female counterpart of a male pronoun (he → she, his → her, 他 → 她). */
    public static String femaleForm(String malePronoun) {
        String f = FEMALE_OF.get(malePronoun.toLowerCase(Locale.ROOT));
        if (f == null) {
            throw new IllegalArgumentException("'" + malePronoun + "' is not a male pronoun " + FEMALE_OF.keySet());
        }
        return f;
    }

    /**
     * The gap at the single token {@code pronoun} covers; positive means the model prefers the male form.
     *
     * @throws UnlocatedSpanException when the span is not exactly one token
     */
    public static double gap(MaskedLmScorer scorer, Encoding e, CharSpan pronoun, int maleId, int femaleId) {
        int slot = SpanLocator.singleToken(e, pronoun, "pronoun");
        double[] lp = scorer.slotLogProbs(e.ids(), slot, new int[] {maleId, femaleId});
        return lp[0] - lp[1];
    }
}
