package org.attentionatlas.engine.tokenize;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.attentionatlas.engine.load.ModelStore;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.List;

/** The four real models' folders and their golden fixtures. */
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

    /** The golden file of a model, from -Datlas.shared.dir (set by surefire). */
    static JsonNode golden(String name) {
        String shared = System.getProperty("atlas.shared.dir");
        if (shared == null || shared.isBlank()) {
            throw new IllegalStateException("system property atlas.shared.dir is not set; run the tests through Maven "
                    + "or pass -Datlas.shared.dir=<folder holding golden/real>");
        }
        Path file = Paths.get(shared, "golden", "real", name + ".json");
        if (!Files.isRegularFile(file)) {
            throw new IllegalStateException("golden file " + file.toAbsolutePath() + " is missing");
        }
        try {
            return new ObjectMapper().readTree(file.toFile());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static int[] ints(JsonNode array) {
        int[] out = new int[array.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = array.get(i).asInt();
        }
        return out;
    }

    static String[] strings(JsonNode array) {
        String[] out = new String[array.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = array.get(i).asText();
        }
        return out;
    }
}
