package org.attentionatlas.engine.tokenize;

/** Turns text into model input ids, with offsets and a token-to-word map. */
public interface TextTokenizer extends AutoCloseable {

    /** Encodes one text with the model's special tokens, with no padding and no truncation. */
    Encoding encode(String text);

    /** The string of one vocabulary id. */
    String token(int id);

    /** The id of a token string, or -1 when it is not in the vocabulary. */
    int id(String token);

    int vocabSize();

    SpecialTokens specials();

    /** Where this tokenizer was read from, for provenance and error messages. */
    String source();

    @Override
    void close();
}
