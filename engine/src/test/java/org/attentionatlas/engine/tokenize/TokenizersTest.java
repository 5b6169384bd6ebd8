package org.attentionatlas.engine.tokenize;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class TokenizersTest {

    @Test
    void tokenizerJsonWinsOverVocabTxt(@TempDir Path dir) throws Exception {
        Files.copy(RealModels.directory("minilm-l6").resolve("tokenizer.json"), dir.resolve("tokenizer.json"));
        Files.writeString(dir.resolve("vocab.txt"), "[PAD]\n[UNK]\n[CLS]\n[SEP]\n");
        try (TextTokenizer t = Tokenizers.forModelDirectory(dir)) {
            assertInstanceOf(HfTokenizer.class, t);
            assertEquals(30522, t.vocabSize());
        }
    }

    @Test
    void vocabTxtAloneGivesWordPiece(@TempDir Path dir) throws Exception {
        Files.writeString(dir.resolve("vocab.txt"), "[PAD]\n[UNK]\n[CLS]\n[SEP]\nhi\n");
        try (TextTokenizer t = Tokenizers.forModelDirectory(dir)) {
            assertInstanceOf(WordPieceTokenizer.class, t);
            assertEquals(java.util.List.of(2, 4, 3), java.util.Arrays.stream(t.encode("Hi").ids()).boxed().toList());
        }
    }

    @Test
    void folderWithoutTokenizerIsNamedInTheError(@TempDir Path dir) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Tokenizers.forModelDirectory(dir));
        assertTrue(e.getMessage().contains(dir.toAbsolutePath().toString()), e.getMessage());
        assertTrue(e.getMessage().contains("tokenizer.json") && e.getMessage().contains("vocab.txt"), e.getMessage());

        Path missing = dir.resolve("nope");
        e = assertThrows(IllegalArgumentException.class, () -> Tokenizers.forModelDirectory(missing));
        assertTrue(e.getMessage().contains(missing.toString()) && e.getMessage().contains("does not exist"),
                e.getMessage());
    }
}
