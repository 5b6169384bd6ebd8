package org.attentionatlas.engine.tokenize;

import org.attentionatlas.testkit.Fixtures;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

/**
 * GPT-2's byte-level BPE and T5's Unigram through {@link Tokenizers}, on the hand-built tokenizer.json files of
 * fixtures/tokenizers: ids, tokens, UTF-16 character offsets and word ids derived by hand from their vocabularies.
 */
class HandBuiltTokenizerTest {

    private static TextTokenizer gpt2;
    private static TextTokenizer t5;

    @BeforeAll
    static void open() {
        gpt2 = Tokenizers.forModelDirectory(Fixtures.tokenizer("gpt2-bpe"));
        t5 = Tokenizers.forModelDirectory(Fixtures.tokenizer("t5-unigram"));
    }

    @AfterAll
    static void close() {
        gpt2.close();
        t5.close();
    }

    @Test
    void bothLoadAsHuggingFaceTokenizersWithTheirSpecials() {
        assertInstanceOf(HfTokenizer.class, gpt2);
        assertInstanceOf(HfTokenizer.class, t5);
        assertEquals(25, gpt2.vocabSize());
        assertEquals(new SpecialTokens(-1, -1, -1, -1, -1), gpt2.specials(), "GPT-2 names none of BERT's specials");
        assertEquals(14, t5.vocabSize());
        assertEquals(new SpecialTokens(0, 2, -1, 1, -1), t5.specials());
        assertEquals("Ġcat", gpt2.token(19));
        assertEquals(5, t5.id("▁cat"));
    }

    @Test
    void gpt2MergesInRankOrderAndKeepsTheSpaceInTheOffsets() {
        // "The": h+e (rank 0), T+he (1); " cat" = Ġcat: Ġ+c (2), a+t (3), Ġc+at (4); no special tokens are added
        Encoding e = gpt2.encode("The cat");
        assertArrayEquals(new int[] {16, 19}, e.ids());
        assertArrayEquals(new String[] {"The", "Ġcat"}, e.tokens());
        assertArrayEquals(new int[] {0, 3}, e.starts());
        assertArrayEquals(new int[] {3, 7}, e.ends(), "GPT-2's post-processor does not trim the leading space");
        assertArrayEquals(new int[] {0, 1}, e.wordIds());
        assertArrayEquals(new boolean[] {false, false}, e.special());
    }

    @Test
    void gpt2TwoByteCharacterIsOneTokenOverOneCharacter() {
        // "café" is one pre-token: c, a, f (no merges apply) and é = bytes C3 A9 = "Ã©" (rank 5); "!" is another
        Encoding e = gpt2.encode("café!");
        assertArrayEquals(new int[] {3, 2, 5, 20, 0}, e.ids());
        assertArrayEquals(new String[] {"c", "a", "f", "Ã©", "!"}, e.tokens());
        assertArrayEquals(new int[] {0, 1, 2, 3, 4}, e.starts());
        assertArrayEquals(new int[] {1, 2, 3, 4, 5}, e.ends());
        assertArrayEquals(new int[] {0, 0, 0, 0, 1}, e.wordIds());
    }

    @Test
    void gpt2FourByteCharacterGetsUtf16Offsets() {
        // " 😀" is one pre-token: Ġ, then F0 9F 98 80 = ð Ł ĺ Ģ merged to ðŁĺĢ; the emoji is two UTF-16 units
        String text = "The 😀 cat";
        Encoding e = gpt2.encode(text);
        assertArrayEquals(new int[] {16, 11, 23, 19}, e.ids());
        assertArrayEquals(new int[] {0, 3, 4, 6}, e.starts());
        assertArrayEquals(new int[] {3, 4, 6, 10}, e.ends());
        assertArrayEquals(new int[] {0, 1, 1, 2}, e.wordIds());
        assertEquals("😀", text.substring(e.starts()[2], e.ends()[2]));
    }

    @Test
    void t5PicksTheBestScoringPiecesAndAppendsTheEndToken() {
        // ▁the −2 beats nothing else; ▁cat −3 beats ▁ca+t −9.5 and ▁c+at −10.2; ▁sat −3.5 beats ▁s+at −9.7
        Encoding e = t5.encode("the cat sat");
        assertArrayEquals(new int[] {4, 5, 11, 1}, e.ids());
        assertArrayEquals(new String[] {"▁the", "▁cat", "▁sat", "</s>"}, e.tokens());
        assertArrayEquals(new int[] {0, 4, 8, 0}, e.starts());
        assertArrayEquals(new int[] {3, 7, 11, 0}, e.ends());
        assertArrayEquals(new int[] {0, 1, 2, -1}, e.wordIds());
        assertArrayEquals(new boolean[] {false, false, false, true}, e.special());
    }

    @Test
    void t5SplitsAWordIntoPieces() {
        // ▁cat + s = −7 beats ▁ca + t + s = −13.5
        Encoding e = t5.encode("cats");
        assertArrayEquals(new int[] {5, 6, 1}, e.ids());
        assertArrayEquals(new int[] {0, 3, 0}, e.starts());
        assertArrayEquals(new int[] {3, 4, 0}, e.ends());
        assertArrayEquals(new int[] {0, 0, -1}, e.wordIds());
    }

    @Test
    void t5FusesUnknownCharactersAndKeepsOffsetsAcrossRepeatedSpaces() {
        // "!" and "?" match no piece: one fused unknown piece with <unk>'s id that keeps its own text as the token
        Encoding e = t5.encode("the  cat!?");
        assertArrayEquals(new int[] {4, 5, 2, 1}, e.ids());
        assertArrayEquals(new String[] {"▁the", "▁cat", "!?", "</s>"}, e.tokens());
        assertArrayEquals(new int[] {0, 5, 8, 0}, e.starts());
        assertArrayEquals(new int[] {3, 8, 10, 0}, e.ends());
        assertArrayEquals(new int[] {0, 1, 1, -1}, e.wordIds());
    }
}
