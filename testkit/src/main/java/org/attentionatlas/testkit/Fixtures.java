package org.attentionatlas.testkit;

import com.fasterxml.jackson.databind.JsonNode;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;

/**
 * Where the repository's test fixtures live: the golden references under {@code fixtures/golden}, hand-built
 * tokenizers under {@code fixtures/tokenizers} and the dataset samples under {@code data/}. The repository root is
 * the {@value #ROOT_PROPERTY} system property (surefire sets it to the Maven project root), else the nearest folder
 * holding {@code fixtures/golden} at or above the working folder.
 */
public final class Fixtures {

    /** The system property naming the repository root. */
    public static final String ROOT_PROPERTY = "atlas.root";

    static final String GOLDEN = "fixtures/golden";
    static final String TOKENIZERS = "fixtures/tokenizers";
    static final String DATA = "data";

    private static Path root;

    private Fixtures() {
    }

    /** The repository root (found once per JVM). */
    public static synchronized Path root() {
        if (root == null) {
            root = findRoot(System.getProperty(ROOT_PROPERTY), Paths.get(""));
        }
        return root;
    }

    /** {@code fixtures/golden}. */
    public static Path golden() {
        return root().resolve(GOLDEN);
    }

    /** A tiny random HF model folder ({@code config.json}, {@code model.safetensors}, {@code golden.json}). */
    public static Path tinyModel(String name) {
        return existing(golden().resolve("tiny").resolve(name), "tiny model");
    }

    /** The golden reference of a real model, read from {@code fixtures/golden/real/NAME.json.gz}. */
    public static JsonNode realGolden(String name) {
        return Golden.json(existing(golden().resolve("real").resolve(name + ".json.gz"), "real-model reference"));
    }

    /** The weight-name mapping table {@code fixtures/golden/real/mappings/NAME.tsv}. */
    public static Path mapping(String name) {
        return existing(golden().resolve("real/mappings").resolve(name + ".tsv"), "weight-name mapping");
    }

    /** A hand-built tokenizer folder under {@code fixtures/tokenizers} (holding a {@code tokenizer.json}). */
    public static Path tokenizer(String name) {
        return existing(root().resolve(TOKENIZERS).resolve(name), "tokenizer fixture");
    }

    /** A dataset folder under {@code data/} (with its LICENSE and SOURCE.md). */
    public static Path dataset(String name) {
        return existing(root().resolve(DATA).resolve(name), "dataset");
    }

    /** {@code property} when set (it must hold the fixtures), else the nearest folder at or above {@code start}. */
    static Path findRoot(String property, Path start) {
        if (property != null && !property.isBlank()) {
            Path p = Paths.get(property).toAbsolutePath().normalize();
            if (!Files.isDirectory(p.resolve(GOLDEN))) {
                throw new IllegalStateException("-D" + ROOT_PROPERTY + "=" + property + " does not hold " + GOLDEN
                        + "; it must name the repository root");
            }
            return p;
        }
        Path from = start.toAbsolutePath().normalize();
        for (Path p = from; p != null; p = p.getParent()) {
            if (Files.isDirectory(p.resolve(GOLDEN))) {
                return p;
            }
        }
        throw new IllegalStateException(GOLDEN + " not found in " + from + " or any folder above it; run the tests "
                + "inside the repository (mvn verify sets -D" + ROOT_PROPERTY + ") or pass -D" + ROOT_PROPERTY
                + "=<repository root>");
    }

    private static Path existing(Path p, String what) {
        if (!Files.exists(p)) {
            throw new IllegalStateException(what + " " + root().relativize(p) + " is missing from " + root());
        }
        return p;
    }
}
