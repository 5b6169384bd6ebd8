package org.attentionatlas.engine.align;

/** A sentence pair ready for the aligners: each side encoded alone, and both as one sequence. */
public record TokenizedPair(WordTokens src, WordTokens tgt, PairSequence joined) {

    public static TokenizedPair of(WordTokens src, WordTokens tgt) {
        return new TokenizedPair(src, tgt, PairSequence.of(src, tgt));
    }

    /** The longest of the three sequences the aligners run. */
    public int maxLength() {
        return Math.max(joined.length(), Math.max(src.length(), tgt.length()));
    }
}
