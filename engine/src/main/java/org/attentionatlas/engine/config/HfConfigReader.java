package org.attentionatlas.engine.config;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.attentionatlas.engine.weights.CheckpointException;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

/** Reads a Hugging Face {@code config.json} into a {@link ModelConfig}. */
public final class HfConfigReader {

    private static final ObjectMapper JSON = new ObjectMapper();

    private HfConfigReader() {
    }

    public static ModelConfig read(Path configJson) {
        if (!Files.isRegularFile(configJson)) {
            throw new CheckpointException("checkpoint " + configJson.getParent() + ": config.json is missing");
        }
        JsonNode c;
        try {
            c = JSON.readTree(configJson.toFile());
        } catch (IOException e) {
            throw new CheckpointException("checkpoint " + configJson + ": not valid JSON: " + e.getMessage(), e);
        }
        String type = c.path("model_type").asText("").toLowerCase(Locale.ROOT);
        try {
            return switch (type) {
                case "bert" -> bert(c, Architecture.BERT);
                case "roberta", "xlm-roberta" -> bert(c, Architecture.ROBERTA);
                case "gpt2" -> gpt2(c);
                case "t5" -> t5(c);
                default -> throw new CheckpointException("checkpoint " + configJson + ": unknown architecture model_type='"
                        + type + "'; supported: bert, roberta, xlm-roberta, gpt2, t5");
            };
        } catch (IllegalArgumentException e) {
            throw new CheckpointException("checkpoint " + configJson + ": " + e.getMessage(), e);
        }
    }

    private static ModelConfig bert(JsonNode c, Architecture arch) {
        int hidden = positive(c, "hidden_size");
        int heads = divisor(c, "num_attention_heads", hidden, "hidden_size");
        return ModelConfig.bert(arch, positive(c, "num_hidden_layers"), hidden, heads,
                positive(c, "intermediate_size"), positive(c, "vocab_size"), positive(c, "max_position_embeddings"),
                c.path("type_vocab_size").asInt(2), c.path("layer_norm_eps").asDouble(1e-12),
                Activation.fromHfName(c.path("hidden_act").asText("gelu")), c.path("pad_token_id").asInt(0));
    }

    private static ModelConfig gpt2(JsonNode c) {
        int hidden = positive(c, "n_embd");
        int heads = divisor(c, "n_head", hidden, "n_embd");
        int inner = c.path("n_inner").isNumber() ? positive(c, "n_inner") : 4 * hidden;
        // GPT-2 has no pad token; any id works under the attention mask, and 0 is always in the vocabulary
        int pad = c.path("pad_token_id").isNumber() ? c.path("pad_token_id").asInt() : 0;
        return new ModelConfig(Architecture.GPT2, positive(c, "n_layer"), 0, hidden, heads, hidden / heads, inner,
                positive(c, "vocab_size"), positive(c, "n_positions"), 0, c.path("layer_norm_epsilon").asDouble(1e-5),
                Activation.fromHfName(c.path("activation_function").asText("gelu_new")), pad, 0, 0, 0, false);
    }

    private static ModelConfig t5(JsonNode c) {
        String ff = c.path("feed_forward_proj").asText("relu");
        if (ff.startsWith("gated-")) {
            throw new IllegalArgumentException("gated feed-forward '" + ff + "' (T5 v1.1) is not supported yet");
        }
        int layers = positive(c, "num_layers");
        int decoderLayers = c.path("num_decoder_layers").isNumber() ? positive(c, "num_decoder_layers") : layers;
        boolean tied = c.path("tie_word_embeddings").asBoolean(true);
        return new ModelConfig(Architecture.T5, layers, decoderLayers, positive(c, "d_model"),
                positive(c, "num_heads"), positive(c, "d_kv"), positive(c, "d_ff"), positive(c, "vocab_size"), 0, 0,
                c.path("layer_norm_epsilon").asDouble(1e-6), Activation.fromHfName(ff), c.path("pad_token_id").asInt(0),
                c.path("relative_attention_num_buckets").asInt(32), c.path("relative_attention_max_distance").asInt(128),
                c.path("decoder_start_token_id").asInt(0), tied && c.path("scale_decoder_outputs").asBoolean(true));
    }

    /** A size field: present, an integer, and at least 1 (0 heads or layers would divide by zero or build nothing). */
    private static int positive(JsonNode c, String field) {
        JsonNode n = c.path(field);
        if (!n.isIntegralNumber() || !n.canConvertToInt()) {
            throw new IllegalArgumentException("config field '" + field + "' is missing or not an integer: " + n);
        }
        if (n.asInt() <= 0) {
            throw new IllegalArgumentException("config field '" + field + "' must be at least 1, not " + n.asInt());
        }
        return n.asInt();
    }

    /** A head count that must divide the model width, naming both fields when it does not. */
    private static int divisor(JsonNode c, String field, int width, String widthField) {
        int heads = positive(c, field);
        if (width % heads != 0) {
            throw new IllegalArgumentException("config field '" + field + "' (" + heads + ") does not divide '"
                    + widthField + "' (" + width + ")");
        }
        return heads;
    }
}
