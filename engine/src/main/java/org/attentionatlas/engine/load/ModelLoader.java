package org.attentionatlas.engine.load;

import ai.djl.Device;
import org.attentionatlas.engine.config.HfConfigReader;
import org.attentionatlas.engine.config.ModelConfig;
import org.attentionatlas.engine.model.Precision;
import org.attentionatlas.engine.model.Transformer;
import org.attentionatlas.engine.model.Transformers;
import org.attentionatlas.engine.tokenize.TextTokenizer;
import org.attentionatlas.engine.tokenize.Tokenizers;
import org.attentionatlas.engine.weights.Checkpoint;
import org.attentionatlas.engine.weights.CheckpointException;
import org.attentionatlas.engine.weights.OnnxCheckpointReader;
import org.attentionatlas.engine.weights.SafetensorsReader;
import org.attentionatlas.engine.weights.TfBundleReader;
import org.attentionatlas.engine.weights.WeightMap;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.stream.Stream;

/**
 * Loads a model by short name (from the {@link ModelStore}) or from a folder holding one of the three checkpoint
 * formats: HF ({@code config.json} + safetensors), ONNX ({@code model.onnx}) or a TF bundle ({@code variables/}).
 */
public final class ModelLoader {

    private final ModelStore store;

    public ModelLoader(ModelStore store) {
        this.store = store;
    }

    public static ModelLoader withDefaultStore() {
        return new ModelLoader(ModelStore.defaultStore());
    }

    public ModelStore store() {
        return store;
    }

    public LoadedModel load(String nameOrDir, Device device) {
        return load(nameOrDir, device, Precision.FP32);
    }

    /** Loads with weights and activations in the given precision (see {@link Precision#choose}). */
    public LoadedModel load(String nameOrDir, Device device, Precision precision) {
        if (nameOrDir == null || nameOrDir.isBlank()) {
            throw new CheckpointException("no model given; use a short name " + store.knownNames() + " or a model folder");
        }
        if (store.isKnown(nameOrDir)) {
            String coords = store.coordinates(nameOrDir);
            String revision = coords.substring(coords.lastIndexOf(':') + 1);
            return load(store.directory(nameOrDir), nameOrDir, coords, revision, device, precision);
        }
        Path dir = Paths.get(nameOrDir).toAbsolutePath().normalize();
        if (!Files.exists(dir)) {
            throw new CheckpointException("model '" + nameOrDir + "' is neither a known name " + store.knownNames()
                    + " nor an existing folder");
        }
        if (!Files.isDirectory(dir)) {
            throw new CheckpointException("model path " + dir + " is a file; pass the folder that holds the checkpoint");
        }
        return load(dir, dir.getFileName().toString(), dir.toString(), fingerprint(dir), device, precision);
    }

    private LoadedModel load(Path dir, String name, String source, String revision, Device device, Precision precision) {
        String format;
        ModelConfig config;
        WeightMap weights;
        if (Files.isRegularFile(dir.resolve("config.json"))) {
            format = "safetensors";
            config = HfConfigReader.read(dir.resolve("config.json"));
            weights = SafetensorsReader.readDirectory(dir);
        } else if (Files.isRegularFile(dir.resolve(OnnxCheckpointReader.MODEL_FILE))) {
            format = "onnx";
            Checkpoint c = OnnxCheckpointReader.read(dir);
            config = c.config();
            weights = c.weights();
        } else if (Files.isRegularFile(dir.resolve("variables").resolve("variables.index"))) {
            format = "tf-bundle";
            Checkpoint c = TfBundleReader.read(dir);
            config = c.config();
            weights = c.weights();
        } else {
            throw new CheckpointException("no checkpoint in " + dir + ": expected config.json + model.safetensors, "
                    + "model.onnx, or variables/variables.index");
        }
        TextTokenizer tokenizer = hasTokenizer(dir) ? Tokenizers.forModelDirectory(dir) : null;
        Transformer transformer;
        try {
            transformer = Transformers.create(config, weights, device, precision);
        } catch (RuntimeException e) {
            if (tokenizer != null) {
                tokenizer.close();
            }
            throw e;
        }
        return new LoadedModel(new ModelProvenance(name, source, revision, format), transformer, tokenizer);
    }

    private static boolean hasTokenizer(Path dir) {
        return Files.isRegularFile(dir.resolve(Tokenizers.TOKENIZER_JSON)) || Files.isRegularFile(dir.resolve("vocab.txt"));
    }

    /** A cheap revision id for user checkpoints: total size and newest modification time of the folder's files. */
    private static String fingerprint(Path dir) {
        try (Stream<Path> files = Files.walk(dir, 2)) {
            long[] acc = new long[2];
            files.filter(Files::isRegularFile).forEach(f -> {
                try {
                    acc[0] += Files.size(f);
                    acc[1] = Math.max(acc[1], Files.getLastModifiedTime(f).toMillis());
                } catch (IOException e) {
                    throw new CheckpointException("cannot read " + f + ": " + e.getMessage(), e);
                }
            });
            return "local-" + Long.toHexString(acc[0]) + "-" + Long.toHexString(acc[1]);
        } catch (IOException e) {
            throw new CheckpointException("cannot list " + dir + ": " + e.getMessage(), e);
        }
    }
}
