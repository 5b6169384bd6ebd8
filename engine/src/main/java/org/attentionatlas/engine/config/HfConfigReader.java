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
        return ModelConfig.bert(arch, req(c, "num_hidden_layers"), req(c, "hidden_size"), req(c, "num_attention_heads"),
                req(c, "intermediate_size"), req(c, "vocab_size"), req(c, "max_position_embeddings"),
                c.path("type_vocab_size").asInt(2), c.path("layer_norm_eps").asDouble(1e-12),
                Activation.fromHfName(c.path("hidden_act").asText("gelu")), c.path("pad_token_id").asInt(0));
    }

    private static ModelConfig gpt2(JsonNode c) {
        int hidden = req(c, "n_embd");
        int heads = req(c, "n_head");
        int inner = c.path("n_inner").isNumber() ? c.path("n_inner").asInt() : 4 * hidden;
        // GPT-2 has no pad token; any id works under the attention mask, and 0 is always in the vocabulary
        int pad = c.path("pad_token_id").isNumber() ? c.path("pad_token_id").asInt() : 0;
        return new ModelConfig(Architecture.GPT2, req(c, "n_layer"), 0, hidden, heads, hidden / heads, inner,
                req(c, "vocab_size"), req(c, "n_positions"), 0, c.path("layer_norm_epsilon").asDouble(1e-5),
                Activation.fromHfName(c.path("activation_function").asText("gelu_new")), pad, 0, 0, 0, false);
    }

    private static ModelConfig t5(JsonNode c) {
        String ff = c.path("feed_forward_proj").asText("relu");
        if (ff.startsWith("gated-")) {
            throw new IllegalArgumentException("gated feed-forward '" + ff + "' (T5 v1.1) is not supported yet");
        }
        int layers = req(c, "num_layers");
        boolean tied = c.path("tie_word_embeddings").asBoolean(true);
        return new ModelConfig(Architecture.T5, layers, c.path("num_decoder_layers").asInt(layers), req(c, "d_model"),
                req(c, "num_heads"), req(c, "d_kv"), req(c, "d_ff"), req(c, "vocab_size"), 0, 0,
                c.path("layer_norm_epsilon").asDouble(1e-6), Activation.fromHfName(ff), c.path("pad_token_id").asInt(0),
                c.path("relative_attention_num_buckets").asInt(32), c.path("relative_attention_max_distance").asInt(128),
                c.path("decoder_start_token_id").asInt(0), tied && c.path("scale_decoder_outputs").asBoolean(true));
    }

    private static int req(JsonNode c, String field) {
        JsonNode n = c.path(field);
        if (!n.isNumber()) {
            throw new IllegalArgumentException("config field '" + field + "' is missing or not a number");
        }
        return n.asInt();
    }
}
