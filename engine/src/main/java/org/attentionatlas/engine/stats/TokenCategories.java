package org.attentionatlas.engine.stats;

import org.attentionatlas.engine.tokenize.Encoding;

import java.util.regex.Pattern;

/** Which tokens count as first ([CLS]/BOS), separator ([SEP]/EOS) and punctuation for the mass statistics. */
public final class TokenCategories {

    private static final Pattern PUNCT = Pattern.compile("[\\p{P}\\p{S}]+");

    private TokenCategories() {
    }

    /** Separator: a special token that is not the first. */
    public static boolean isSeparator(Encoding e, int i) {
        return i > 0 && e.special()[i];
    }

    /** Punctuation: a non-special token made only of punctuation or symbols (sub-word markers stripped). */
    public static boolean isPunctuation(Encoding e, int i) {
        if (e.special()[i]) {
            return false;
        }
        String t = e.tokens()[i];
        if (t.startsWith("##")) {
            t = t.substring(2);
        } else if (t.startsWith("Ġ") || t.startsWith("▁")) {
            t = t.substring(1);
        }
        return !t.isEmpty() && PUNCT.matcher(t).matches();
    }
}
