package org.attentionatlas.engine.weights;

import org.attentionatlas.engine.config.ModelConfig;
import org.attentionatlas.engine.config.OnnxConfigInference;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads a BERT-family ONNX export (langchain4j / Xenova, PyTorch exporter) into HF-named weights and an inferred config.
 * Names and layouts: {@link OnnxWeightNamer}; the config: {@link org.attentionatlas.engine.config.OnnxConfigInference}.
 */
public final class OnnxCheckpointReader {

    /** File name looked for when a directory is given. */
    public static final String MODEL_FILE = "model.onnx";

    private OnnxCheckpointReader() {
    }

    /** Reads {@code path}: an {@code .onnx} file, or a directory holding {@code model.onnx}. */
    public static Checkpoint read(Path path) {
        Path file = resolve(path);
        OnnxGraph graph = OnnxModelProto.read(file);
        List<String> skipped = new ArrayList<>();
        WeightMap weights = OnnxWeightNamer.name(graph, skipped);
        ModelConfig config = OnnxConfigInference.infer(graph, weights);
        return new Checkpoint(weights, config, skipped);
    }

    /** The model file for {@code path}: the path itself, or {@code path/model.onnx} for a directory. */
    public static Path resolve(Path path) {
        Path file = Files.isDirectory(path) ? path.resolve(MODEL_FILE) : path;
        if (!Files.isRegularFile(file)) {
            throw new CheckpointException("checkpoint " + file + ": file not found");
        }
        return file;
    }
}
