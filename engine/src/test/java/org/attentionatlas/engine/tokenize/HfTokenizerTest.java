package org.attentionatlas.engine.tokenize;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** MiniLM's and bge-small-zh's tokenizer.json through {@link HfTokenizer}. */
class HfTokenizerTest {

    static final String NOTES_EXAMPLE = "The quick brown fox jumps over the lazy dog; attention is all you need.";
    static final String INTERNS = "After the long meeting ended, the manager thanked everyone for their patience, "
            + "reminded the team that the report was due on Friday, and asked the two new interns to stay behind so she "
            + "could explain how the project would work.";

    private static HfTokenizer minilm;
    private static HfTokenizer bge;

    @BeforeAll
    static void open() {
        minilm = HfTokenizer.open(RealModels.directory("minilm-l6").resolve("tokenizer.json"));
        bge = HfTokenizer.open(RealModels.directory("bge-small-zh").resolve("tokenizer.json"));
    }

    @AfterAll
    static void close() {
        minilm.close();
        bge.close();
    }

    @Test
    void notesExampleHasTheDocumentedIdsWithoutPadding() {
        Encoding e = minilm.encode(NOTES_EXAMPLE);
        assertArrayEquals(new int[] {101, 1996, 4248, 2829, 4419, 14523, 2058, 1996, 13971, 3899, 1025, 3086, 2003,
                2035, 2017, 2342, 1012, 102}, e.ids());
        assertEquals(18, e.length());
    }

    @Test
    void longTextIsNotTruncated() {
        String text = String.join(" ", java.util.Collections.nCopies(300, "word"));
        Encoding e = minilm.encode(text);
        assertEquals(302, e.length());
        assertEquals(102, e.ids()[301]);
    }

    @Test
    void specialTokensAreFlaggedAndHaveNoSpanOrWord() {
        Encoding e = minilm.encode(NOTES_EXAMPLE);
        int last = e.length() - 1;
        assertTrue(e.special()[0]);
        assertTrue(e.special()[last]);
        assertEquals(List.of(0, 0, -1, 0, 0, -1), List.of(e.starts()[0], e.ends()[0], e.wordIds()[0],
                e.starts()[last], e.ends()[last], e.wordIds()[last]));
        for (int i = 1; i < last; i++) {
            assertFalse(e.special()[i], "token " + i);
        }
    }

    @Test
    void maskInTheTextIsOneOrdinaryTokenWithItsSpan() {
        Encoding e = minilm.encode("The man worked as a [MASK].");
        assertEquals(103, e.ids()[6]);
        assertFalse(e.special()[6]);
        assertEquals(5, e.wordIds()[6]);
        assertEquals(List.of(20, 26), List.of(e.starts()[6], e.ends()[6]));
    }

    @Test
    void wordPiecesOfOneWordShareItsWordId() {
        Encoding e = minilm.encode(INTERNS);
        int intern = List.of(e.tokens()).indexOf("intern");
        assertEquals("##s", e.tokens()[intern + 1]);
        assertEquals(e.wordIds()[intern], e.wordIds()[intern + 1]);
        assertEquals("interns", e.word(e.wordIds()[intern]));
        assertEquals(e.wordIds()[intern] + 1, e.wordIds()[intern + 2]); // "to"
        // 40 words and 4 punctuation marks, numbered 0.. in order
        assertEquals(44, e.wordCount());
        int expected = 0;
        for (int i = 1; i < e.length() - 1; i++) {
            if (e.wordIds()[i] != e.wordIds()[i - 1]) {
                assertEquals(expected++, e.wordIds()[i], "token " + i);
            }
        }
    }

    @Test
    void offsetsCoverTheTokensInTheText() {
        for (String text : List.of(NOTES_EXAMPLE, INTERNS, "Ma sœur travaille dans un hôpital.", "  Naïve  CAFÉ-au-lait! ")) {
            assertOffsetsMatch(minilm.encode(text), true);
        }
        for (String text : List.of("北京是中国的首都，也是一座历史悠久的城市。", "我有 3 个 apples")) {
            assertOffsetsMatch(bge.encode(text), false);
        }
    }

    /** text.substring(start, end) equals the token without ##, after lower-casing and accent stripping if uncased. */
    static void assertOffsetsMatch(Encoding e, boolean uncased) {
        for (int i = 0; i < e.length(); i++) {
            if (e.special()[i] || e.tokens()[i].equals("[UNK]")) {
                continue;
            }
            String span = e.text().substring(e.starts()[i], e.ends()[i]);
            String token = e.tokens()[i].startsWith("##") ? e.tokens()[i].substring(2) : e.tokens()[i];
            assertEquals(token, uncased ? uncase(span) : span, "token " + i + " of " + e.text());
        }
    }

    static String uncase(String s) {
        return Normalizer.normalize(s.toLowerCase(Locale.ROOT), Normalizer.Form.NFD).replaceAll("\\p{Mn}", "");
    }

    @Test
    void offsetsCountUtf16UnitsAroundEmojiAndBrokenSurrogates() {
        String text = "I love 🍕 pizza 🍕!";
        Encoding e = minilm.encode(text);
        assertEquals(List.of("[CLS]", "i", "love", "[UNK]", "pizza", "[UNK]", "!", "[SEP]"), List.of(e.tokens()));
        assertEquals("🍕", text.substring(e.starts()[3], e.ends()[3]));
        assertEquals("pizza", text.substring(e.starts()[4], e.ends()[4]));
        assertEquals("!", text.substring(e.starts()[6], e.ends()[6]));

        String broken = "a\uD800 pizza";
        Encoding b = minilm.encode(broken);
        assertEquals(List.of("[CLS]", "a", "pizza", "[SEP]"), List.of(b.tokens()));
        assertEquals("pizza", broken.substring(b.starts()[2], b.ends()[2]));
        assertEquals(broken, b.text());
    }

    @Test
    void chineseIsSplitIntoSingleCharactersEachItsOwnWord() {
        String text = "北京是中国的首都";
        Encoding e = bge.encode(text);
        assertEquals(10, e.length());
        for (int i = 1; i <= 8; i++) {
            assertEquals(String.valueOf(text.charAt(i - 1)), e.tokens()[i]);
            assertEquals(i - 1, e.wordIds()[i]);
            assertEquals(List.of(i - 1, i), List.of(e.starts()[i], e.ends()[i]));
        }
    }

    @Test
    void vocabularyLookups() {
        assertEquals(30522, minilm.vocabSize());
        assertEquals("the", minilm.token(1996));
        assertEquals(1996, minilm.id("the"));
        assertEquals("##s", minilm.token(2015));
        assertEquals("[MASK]", minilm.token(103));
        assertEquals(-1, minilm.id("qwertyuiopasdf"));
        assertThrows(IllegalArgumentException.class, () -> minilm.token(30522));
        assertThrows(IllegalArgumentException.class, () -> minilm.token(-1));
        assertEquals(new SpecialTokens(0, 100, 101, 102, 103), minilm.specials());
        assertEquals(21128, bge.vocabSize());
        assertEquals("都", bge.token(6963));
        assertTrue(minilm.source().endsWith("tokenizer.json"));
    }

    @Test
    void robertaStyleSpecialTokensAreFound(@TempDir Path dir) throws Exception {
        Path json = dir.resolve("tokenizer.json");
        Files.writeString(json, """
                {"version":"1.0","truncation":null,"padding":null,
                 "added_tokens":[{"id":0,"content":"<s>","single_word":false,"lstrip":false,"rstrip":false,"normalized":false,"special":true},
                                 {"id":1,"content":"<pad>","single_word":false,"lstrip":false,"rstrip":false,"normalized":false,"special":true},
                                 {"id":2,"content":"</s>","single_word":false,"lstrip":false,"rstrip":false,"normalized":false,"special":true},
                                 {"id":3,"content":"<unk>","single_word":false,"lstrip":false,"rstrip":false,"normalized":false,"special":true},
                                 {"id":7,"content":"<mask>","single_word":false,"lstrip":true,"rstrip":false,"normalized":false,"special":true}],
                 "normalizer":null,"pre_tokenizer":{"type":"Whitespace"},
                 "post_processor":{"type":"RobertaProcessing","sep":["</s>",2],"cls":["<s>",0],"trim_offsets":true,"add_prefix_space":false},
                 "decoder":null,
                 "model":{"type":"WordLevel","vocab":{"<s>":0,"<pad>":1,"</s>":2,"<unk>":3,"hello":4,"world":5,"!":6},"unk_token":"<unk>"}}
                """);
        try (HfTokenizer t = HfTokenizer.open(json)) {
            assertEquals(new SpecialTokens(1, 3, 0, 2, 7), t.specials());
            assertEquals(8, t.vocabSize());
            Encoding e = t.encode("hello world!");
            assertArrayEquals(new int[] {0, 4, 5, 6, 2}, e.ids());
            assertArrayEquals(new int[] {-1, 0, 1, 2, -1}, e.wordIds());
        }
    }

    @Test
    void emptyTextsAreRejected() {
        assertEquals("input text is empty",
                assertThrows(IllegalArgumentException.class, () -> minilm.encode(" \t\n")).getMessage());
        assertTrue(assertThrows(IllegalArgumentException.class, () -> minilm.encode("\u0000\u00A0"))
                .getMessage().startsWith("input text is empty after normalization"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> minilm.encodeAll(List.of("a", "")))
                .getMessage().startsWith("text 1: input text is empty"));
    }

    @Test
    void batchEncodingEqualsOneByOne() {
        List<String> texts = List.of(NOTES_EXAMPLE, INTERNS, "I love 🍕 pizza!", "The man worked as a [MASK].");
        List<Encoding> batch = minilm.encodeAll(texts);
        assertEquals(texts.size(), batch.size());
        for (int i = 0; i < texts.size(); i++) {
            assertSameEncoding(minilm.encode(texts.get(i)), batch.get(i));
        }
    }

    @Test
    void concurrentEncodingGivesTheSameResults() throws Exception {
        Encoding expected = minilm.encode(INTERNS);
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<Encoding>> results = new ArrayList<>();
            for (int i = 0; i < 200; i++) {
                results.add(pool.submit(() -> minilm.encode(INTERNS)));
            }
            for (Future<Encoding> r : results) {
                assertSameEncoding(expected, r.get());
            }
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void unreadableTokenizerJsonNamesTheFile(@TempDir Path dir) throws Exception {
        Path json = dir.resolve("tokenizer.json");
        Files.writeString(json, "{\"model\": {\"type\": \"WordPiece\", \"vocab\": {\"a\": 0}}}");
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> HfTokenizer.open(json));
        assertTrue(e.getMessage().contains(json.toString()), e.getMessage());
        Files.writeString(json, "not json");
        e = assertThrows(IllegalArgumentException.class, () -> HfTokenizer.open(json));
        assertTrue(e.getMessage().contains(json.toString()), e.getMessage());
    }

    static void assertSameEncoding(Encoding expected, Encoding actual) {
        assertEquals(expected.text(), actual.text());
        assertArrayEquals(expected.ids(), actual.ids());
        assertArrayEquals(expected.tokens(), actual.tokens());
        assertArrayEquals(expected.starts(), actual.starts());
        assertArrayEquals(expected.ends(), actual.ends());
        assertArrayEquals(expected.wordIds(), actual.wordIds());
        assertArrayEquals(expected.special(), actual.special());
    }
}
