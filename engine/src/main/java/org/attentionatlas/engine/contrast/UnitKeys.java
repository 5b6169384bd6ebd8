package org.attentionatlas.engine.contrast;

import org.attentionatlas.engine.attention.WordAttention;
import org.attentionatlas.engine.tokenize.Encoding;

import java.util.ArrayList;
import java.util.List;

/**
 * What two texts' word units are compared by: a word's text; a special token's position class ("start i" for the
 * i-th special before the first word, "end j" for the j-th from the end after the last word, else "mid i"), so that
 * [CLS] and &lt;s&gt; match.
 */
public final class UnitKeys {

    private UnitKeys() {
    }

    public static List<String> of(Encoding e) {
        WordAttention w = WordAttention.of(e);
        String[] labels = w.labels();
        int units = labels.length;
        boolean[] special = special(e, w);
        int firstWord = 0;
        while (firstWord < units && special[firstWord]) {
            firstWord++;
        }
        int lastWord = units - 1;
        while (lastWord >= 0 && special[lastWord]) {
            lastWord--;
        }
        List<String> keys = new ArrayList<>();
        for (int u = 0; u < units; u++) {
            if (!special[u]) {
                keys.add("word " + labels[u]);
            } else if (u < firstWord) {
                keys.add("start " + u);
            } else if (u > lastWord) {
                keys.add("end " + (units - 1 - u));
            } else {
                keys.add("mid " + u);
            }
        }
        return keys;
    }

    /** Whether each unit is a special token. */
    public static boolean[] special(Encoding e, WordAttention w) {
        boolean[] special = new boolean[w.labels().length];
        for (int t = 0; t < e.length(); t++) {
            if (e.special()[t] || e.wordIds()[t] < 0) {
                special[w.unitOf(t)] = true;
            }
        }
        return special;
    }

    public static boolean isWord(String key) {
        return key.startsWith("word ");
    }
}
