package org.attentionatlas.engine.align;

import org.attentionatlas.engine.tokenize.WordPieceTokenizer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

/** Pre-split words keep their boundaries: every subword maps to the word it came from, nothing merges across words. */
class PreSplitTokenizerTest {

    @Test
    void subwordsKeepTheirWordIndex(@TempDir Path dir) throws Exception {
        Path vocab = dir.resolve("vocab.txt");
        Files.write(vocab, List.of("[PAD]", "[UNK]", "[CLS]", "[SEP]", "[MASK]",
                "l", "'", "homme", "un", "##aff", "##able", "东", "京", ".", "a"));
        try (WordPieceTokenizer t = WordPieceTokenizer.open(vocab, false)) {
            // "l'homme" splits at the apostrophe (BERT punctuation), "unaffable" into word pieces, "东京" per CJK char
            WordTokens w = PreSplitTokenizer.encode(t, List.of("l'homme", "unaffable", "东京", "a."));
            assertEquals(4, w.words());
            // [CLS] l ' homme un ##aff ##able 东 京 a . [SEP]
            assertArrayEquals(new int[] {2, 5, 6, 7, 8, 9, 10, 11, 12, 14, 13, 3}, w.ids());
            assertArrayEquals(new int[] {-1, 0, 0, 0, 1, 1, 1, 2, 2, 3, 3, -1}, w.wordOfToken());
            assertArrayEquals(new int[] {0, 0, 0, 1, 1, 1, 2, 2, 3, 3}, w.subwordWords());
        }
    }

    @Test
    void pairSequenceJoinsWithTypes() {
        WordTokens src = new WordTokens(new int[] {2, 5, 6, 3}, new int[] {-1, 0, 1, -1}, 2);
        WordTokens tgt = new WordTokens(new int[] {2, 7, 8, 9, 3}, new int[] {-1, 0, 0, 1, -1}, 2);
        PairSequence p = PairSequence.of(src, tgt);
        assertArrayEquals(new int[] {2, 5, 6, 3, 7, 8, 9, 3}, p.ids());
        assertArrayEquals(new int[] {0, 0, 0, 0, 1, 1, 1, 1}, p.types());
        assertArrayEquals(new int[] {-1, 0, 1, -1, 2, 2, 3, -1}, p.unitOfToken());
        assertEquals(4, p.units());
    }
}
