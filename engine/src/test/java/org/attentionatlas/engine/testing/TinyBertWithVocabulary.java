package org.attentionatlas.engine.testing;

import org.attentionatlas.testkit.Fixtures;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** The tiny random BERT of fixtures/golden (it has an MLM head) in a folder with a hand-written 211-token vocab.txt. */
public final class TinyBertWithVocabulary {

    private TinyBertWithVocabulary() {
    }

    /** Writes the folder under {@code parent}: the specials, a few words (ids 5..16), then filler tokens. */
    public static Path write(Path parent) throws IOException {
        Path dir = parent.resolve("tiny-bert");
        Files.createDirectories(dir);
        for (String f : new String[] {"config.json", "model.safetensors"}) {
            Files.copy(Fixtures.tinyModel("tiny-bert").resolve(f), dir.resolve(f));
        }
        List<String> vocab = new ArrayList<>(List.of("[PAD]", "[UNK]", "[CLS]", "[SEP]", "[MASK]", "the", "doctor",
                "asked", "nurse", "to", "help", "her", "he", "she", ".", "a", "##s"));
        while (vocab.size() < 211) {
            vocab.add("w" + vocab.size());
        }
        Files.write(dir.resolve("vocab.txt"), vocab);
        return dir;
    }
}
