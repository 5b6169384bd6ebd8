package org.attentionatlas.engine.align;

/**
 * One sentence of pre-split words as model input: token ids with the model's special tokens, and for each token the
 * index of the word it came from (-1 for special tokens). A word the tokenizer drops entirely has no token.
 */
public record WordTokens(int[] ids, int[] wordOfToken, int words) {

    public WordTokens {
        if (ids.length != wordOfToken.length) {
            throw new IllegalArgumentException(ids.length + " ids but " + wordOfToken.length + " word indices");
        }
    }

    public int length() {
        return ids.length;
    }

    /** The word index of each non-special token, in order (the subwords the aligners compare). */
    public int[] subwordWords() {
        return java.util.Arrays.stream(wordOfToken).filter(w -> w >= 0).toArray();
    }

    /** Positions of the non-special tokens. */
    public int[] subwordPositions() {
        return java.util.stream.IntStream.range(0, ids.length).filter(i -> wordOfToken[i] >= 0).toArray();
    }
}
