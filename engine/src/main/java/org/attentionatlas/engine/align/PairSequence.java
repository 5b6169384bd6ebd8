package org.attentionatlas.engine.align;

/**
 * A sentence pair as one BERT input, {@code [CLS] src [SEP] tgt [SEP]} with token types 0 for the first segment and
 * 1 for the second; {@code unitOfToken} numbers the words of both sides: source words 0..m-1, target words m..m+n-1,
 * -1 for special tokens.
 */
public record PairSequence(int[] ids, int[] types, int[] unitOfToken, int srcWords, int tgtWords) {

    /** Joins two single-sentence encodings ({@code [CLS] a [SEP]}, {@code [CLS] b [SEP]}): the target's [CLS] is dropped. */
    public static PairSequence of(WordTokens src, WordTokens tgt) {
        int a = src.length();
        int n = a + tgt.length() - 1;
        int[] ids = new int[n];
        int[] types = new int[n];
        int[] unit = new int[n];
        System.arraycopy(src.ids(), 0, ids, 0, a);
        System.arraycopy(src.wordOfToken(), 0, unit, 0, a);
        for (int k = 1; k < tgt.length(); k++) {
            int p = a - 1 + k;
            ids[p] = tgt.ids()[k];
            types[p] = 1;
            int w = tgt.wordOfToken()[k];
            unit[p] = w < 0 ? -1 : src.words() + w;
        }
        return new PairSequence(ids, types, unit, src.words(), tgt.words());
    }

    public int length() {
        return ids.length;
    }

    public int units() {
        return srcWords + tgtWords;
    }
}
