package org.attentionatlas.reports.figures;

import org.attentionatlas.engine.tokenize.Encoding;

/**
 * Rebuilds an {@link Encoding} from token strings alone (the samples table keeps no offsets), so that
 * {@code WordAttention} can group sub-tokens into words. WordPiece marks continuations with {@code ##}; SentencePiece
 * ({@code ▁}) and byte-level BPE ({@code Ġ}) mark word starts instead. [X] and &lt;x&gt; tokens are special.
 */
public final class TokenWords {

    private TokenWords() {
    }

    public static boolean special(String t) {
        return t.length() > 2 && (t.startsWith("[") && t.endsWith("]") || t.startsWith("<") && t.endsWith(">"));
    }

    public static Encoding encoding(String[] tokens) {
        boolean startMarked = false;
        for (String t : tokens) {
            startMarked |= t.startsWith("▁") || t.startsWith("Ġ");
        }
        int n = tokens.length;
        int[] starts = new int[n];
        int[] ends = new int[n];
        int[] words = new int[n];
        boolean[] special = new boolean[n];
        StringBuilder text = new StringBuilder();
        int word = -1;
        boolean lastWasSpecial = true;
        for (int i = 0; i < n; i++) {
            String t = tokens[i];
            if (special(t)) {
                special[i] = true;
                words[i] = -1;
                lastWasSpecial = true;
                continue;
            }
            String piece;
            boolean newWord;
            if (startMarked) {
                newWord = lastWasSpecial || t.startsWith("▁") || t.startsWith("Ġ");
                piece = t.startsWith("▁") || t.startsWith("Ġ") ? t.substring(1) : t;
            } else {
                newWord = lastWasSpecial || !t.startsWith("##");
                piece = t.startsWith("##") ? t.substring(2) : t;
            }
            if (newWord) {
                word++;
                if (text.length() > 0) {
                    text.append(' ');
                }
            }
            starts[i] = text.length();
            text.append(piece);
            ends[i] = text.length();
            words[i] = word;
            lastWasSpecial = false;
        }
        return new Encoding(text.toString(), new int[n], tokens.clone(), starts, ends, words, special);
    }
}
