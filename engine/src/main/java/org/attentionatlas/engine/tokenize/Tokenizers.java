package org.attentionatlas.engine.tokenize;

import java.nio.file.Files;
import java.nio.file.Path;

/** Picks the tokenizer of a model folder. */
public final class Tokenizers {

    public static final String TOKENIZER_JSON = "tokenizer.json";

    private Tokenizers() {
    }

    /**
     * {@code tokenizer.json} when present ({@link HfTokenizer}), else {@code vocab.txt} ({@link WordPieceTokenizer},
     * casing from model.json or inferred from the vocabulary).
     *
     * @throws IllegalArgumentException naming the folder when it holds neither file
     */
    public static TextTokenizer forModelDirectory(Path dir) {
        if (Files.isRegularFile(dir.resolve(TOKENIZER_JSON))) {
            return HfTokenizer.open(dir.resolve(TOKENIZER_JSON));
        }
        if (Files.isRegularFile(dir.resolve(WordPieceTokenizer.VOCAB_FILE))) {
            return WordPieceTokenizer.fromDirectory(dir);
        }
        throw new IllegalArgumentException("no tokenizer in model folder " + dir.toAbsolutePath() + ": expected "
                + TOKENIZER_JSON + " or " + WordPieceTokenizer.VOCAB_FILE
                + (Files.isDirectory(dir) ? "" : " (the folder does not exist)"));
    }
}
