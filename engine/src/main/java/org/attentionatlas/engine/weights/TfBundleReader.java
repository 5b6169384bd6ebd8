package org.attentionatlas.engine.weights;

import org.attentionatlas.engine.config.ModelConfig;
import org.attentionatlas.engine.config.TfConfigInference;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalInt;

/**
 * Reads a TF BERT checkpoint saved as a tensor bundle ({@code variables/variables.index} plus
 * {@code variables/variables.data-NNNNN-of-MMMMM}) into HF-named weights and an inferred config
 * ({@link org.attentionatlas.engine.config.TfConfigInference}).
 *
 * <p>The index is an SSTable ({@link SsTableReader}) of {@link BundleEntry} values keyed by variable name, with the
 * {@link BundleHeader} under the empty key. Names go through {@link TfNameMapper}; kernels are transposed to HF's
 * {@code [out, in]}. The MLM decoder is tied to the word embeddings, so no decoder weight is added.
 */
public final class TfBundleReader {

    static final String VARIABLES_DIR = "variables";
    static final String PREFIX = "variables";

    private TfBundleReader() {
    }

    /** Reads {@code path} with the head count from {@code model.json} next to it, or 12 (BERT-Base's A-12). */
    public static Checkpoint read(Path path) {
        return read(path, OptionalInt.empty());
    }

    /** Reads {@code path}, overriding the number of attention heads (which a TF bundle does not record). */
    public static Checkpoint read(Path path, int heads) {
        return read(path, OptionalInt.of(heads));
    }

    private static Checkpoint read(Path path, OptionalInt heads) {
        Path index = indexFile(path);
        List<String> skipped = new ArrayList<>();
        WeightMap weights = readWeights(index, skipped, true);
        Path modelDir = index.getParent().getFileName() != null
                && index.getParent().getFileName().toString().equals(VARIABLES_DIR)
                ? index.getParent().getParent() : index.getParent();
        int h = heads.isPresent() ? heads.getAsInt()
                : TfConfigInference.headsFromModelJson(modelDir.resolve("model.json")).orElse(TfConfigInference.DEFAULT_HEADS);
        ModelConfig config = TfConfigInference.infer(weights, h);
        return new Checkpoint(weights, config, skipped);
    }

    /**
     * Every model weight of the bundle whose index is {@code index}; entries that are not model weights are added to
     * {@code skipped} as {@code "name: reason"}.
     */
    public static WeightMap readWeights(Path index, List<String> skipped, boolean verifyChecksums) {
        String file = index.getFileName().toString();
        if (!file.endsWith(".index")) {
            throw new CheckpointException("checkpoint " + index + ": not a tensor-bundle index (expected a .index file)");
        }
        String prefix = file.substring(0, file.length() - ".index".length());
        List<SsTableReader.Entry> entries = SsTableReader.read(index);
        BundleHeader header = BundleHeader.DEFAULT;
        List<BundleEntry> tensors = new ArrayList<>();
        for (SsTableReader.Entry e : entries) {
            if (e.key().length == 0) {
                header = BundleHeader.parse(e.value(), index);
            } else {
                tensors.add(BundleEntry.parse(e.keyString(), e.value(), index));
            }
        }
        WeightMap out = new WeightMap(index.getParent().toString());
        try (BundleShards shards = new BundleShards(index.getParent(), prefix, header, verifyChecksums)) {
            shards.requireFiles();
            for (BundleEntry e : tensors) {
                TfNameMapper.Mapping m = TfNameMapper.map(e.name());
                if (m.skipped()) {
                    skipped.add(e.name() + ": " + m.skipReason() + " (" + BundleEntry.dtypeName(e.dtype()) + ")");
                    continue;
                }
                if (e.dtype() != BundleEntry.DT_FLOAT) {
                    throw new CheckpointException("checkpoint " + index + ": weight '" + e.name() + "' has dtype "
                            + BundleEntry.dtypeName(e.dtype()) + "; only DT_FLOAT (float32) weights are supported");
                }
                if (e.sliced()) {
                    throw new CheckpointException("checkpoint " + index + ": weight '" + e.name()
                            + "' is a partitioned (sliced) variable, which is not supported");
                }
                if (out.contains(m.hfName())) {
                    throw new CheckpointException("checkpoint " + index + ": two variables map to '" + m.hfName() + "'");
                }
                out.put(toHost(e, m, shards.readFloats(e), index));
            }
        }
        return out;
    }

    private static HostTensor toHost(BundleEntry e, TfNameMapper.Mapping m, float[] data, Path index) {
        if (!m.transpose()) {
            return new HostTensor(m.hfName(), e.shape(), data);
        }
        if (e.shape().length != 2) {
            throw new CheckpointException("checkpoint " + index + ": kernel '" + e.name() + "' has shape "
                    + java.util.Arrays.toString(e.shape()) + ", expected 2-D [in, out]");
        }
        int rows = (int) e.shape()[0];
        int cols = (int) e.shape()[1];
        return new HostTensor(m.hfName(), new long[] {cols, rows}, Transpose.of(data, rows, cols));
    }

    /**
     * The index file for {@code path}: a model folder (with {@code variables/variables.index}), the {@code variables}
     * folder, or the {@code .index} file itself.
     */
    public static Path indexFile(Path path) {
        Path index;
        if (Files.isRegularFile(path)) {
            index = path;
        } else if (Files.isDirectory(path.resolve(VARIABLES_DIR))) {
            index = path.resolve(VARIABLES_DIR).resolve(PREFIX + ".index");
        } else {
            index = path.resolve(PREFIX + ".index");
        }
        if (!Files.isRegularFile(index)) {
            throw new CheckpointException("checkpoint " + index + ": file not found (expected a TF SavedModel folder "
                    + "with variables/variables.index)");
        }
        return index.toAbsolutePath();
    }
}
