package org.attentionatlas.engine.align;

import org.attentionatlas.engine.tokenize.Encoding;
import org.attentionatlas.engine.tokenize.TextTokenizer;

import java.util.List;

/**
 * Tokenizes a sentence that is already split into words, keeping each subword's word index, as awesome-align does
 * by tokenizing word by word: the words are joined with single spaces and encoded once, and every token is assigned
 * to the word whose characters it starts in. BERT's pre-tokenizer splits at every space, so no token crosses a word
 * boundary; a word it splits further (punctuation, CJK characters) keeps all its pieces.
 */
public final class PreSplitTokenizer {

    private PreSplitTokenizer() {
    }

    public static WordTokens encode(TextTokenizer tokenizer, List<String> words) {
        if (words.isEmpty()) {
            throw new IllegalArgumentException("a sentence without words");
        }
        int[] starts = new int[words.size()];
        StringBuilder text = new StringBuilder();
        for (int w = 0; w < words.size(); w++) {
            if (w > 0) {
                text.append(' ');
            }
            starts[w] = text.length();
            text.append(words.get(w));
        }
        Encoding e = tokenizer.encode(text.toString());
        int[] wordOf = new int[e.length()];
        for (int i = 0; i < wordOf.length; i++) {
            wordOf[i] = e.special()[i] ? -1 : wordAt(starts, e.starts()[i]);
        }
        return new WordTokens(e.ids(), wordOf, words.size());
    }

    /** The last word starting at or before {@code offset}. */
    private static int wordAt(int[] starts, int offset) {
        int i = java.util.Arrays.binarySearch(starts, offset);
        return i >= 0 ? i : -i - 2;
    }
}
