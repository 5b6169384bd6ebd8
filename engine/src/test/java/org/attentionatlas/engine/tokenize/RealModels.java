package org.attentionatlas.engine.tokenize;

import org.attentionatlas.engine.load.ModelStore;

import java.nio.file.Path;
import java.util.List;

/** The four real models' folders and tokenizers (their golden references: {@code Fixtures.realGolden}). */
final class RealModels {

    static final List<String> NAMES = List.of("minilm-l6", "bge-small-zh", "bert-base-uncased", "mbert-cased");

    private RealModels() {
    }

    static Path directory(String name) {
        return ModelStore.defaultStore().directory(name);
    }

    static TextTokenizer tokenizer(String name) {
        return Tokenizers.forModelDirectory(directory(name));
    }
}
