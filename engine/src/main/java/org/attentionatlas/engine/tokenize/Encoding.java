package org.attentionatlas.engine.tokenize;

/**
 * One tokenized text: ids with the model's special tokens, their strings, character spans in the text and the word
 * each token belongs to.
 *
 * @param text     the input text
 * @param ids      token ids, special tokens included
 * @param tokens   token strings (WordPiece continuation tokens keep their {@code ##})
 * @param starts   start character offset of each token in {@code text} (special tokens: 0)
 * @param ends     end character offset, exclusive (special tokens: 0)
 * @param wordIds  index of the word each token belongs to, or -1 for special tokens
 * @param special  whether each token is a special token ([CLS], [SEP], &lt;s&gt;, …)
 */
public record Encoding(String text, int[] ids, String[] tokens, int[] starts, int[] ends, int[] wordIds,
                       boolean[] special) {

    public Encoding {
        int n = ids.length;
        if (tokens.length != n || starts.length != n || ends.length != n || wordIds.length != n || special.length != n) {
            throw new IllegalArgumentException("encoding arrays differ in length");
        }
    }

    public int length() {
        return ids.length;
    }

    /** Number of words (the largest word id + 1). */
    public int wordCount() {
        int max = -1;
        for (int w : wordIds) {
            max = Math.max(max, w);
        }
        return max + 1;
    }

    /** The text of word {@code w}: from its first token's start to its last token's end. */
    public String word(int w) {
        int start = Integer.MAX_VALUE;
        int end = -1;
        for (int i = 0; i < ids.length; i++) {
            if (wordIds[i] == w) {
                start = Math.min(start, starts[i]);
                end = Math.max(end, ends[i]);
            }
        }
        if (end < 0) {
            throw new IndexOutOfBoundsException("no word " + w + " in a text of " + wordCount() + " words");
        }
        return text.substring(start, end);
    }
}
