package org.attentionatlas.engine.config;

import org.attentionatlas.engine.weights.CheckpointException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Impossible sizes in config.json are refused with one line naming the file and the field, never a stack trace. */
class HfConfigReaderTest {

    private static final String BERT = """
            {"model_type": "bert", "num_hidden_layers": 2, "hidden_size": 32, "num_attention_heads": 4,
             "intermediate_size": 64, "vocab_size": 100, "max_position_embeddings": 64}""";
    private static final String GPT2 = """
            {"model_type": "gpt2", "n_layer": 2, "n_embd": 32, "n_head": 4, "vocab_size": 100, "n_positions": 64}""";
    private static final String T5 = """
            {"model_type": "t5", "num_layers": 2, "d_model": 32, "num_heads": 4, "d_kv": 8, "d_ff": 64,
             "vocab_size": 100, "num_decoder_layers": null}""";

    @TempDir
    Path tmp;

    @Test
    void validConfigsReadAsWritten() throws IOException {
        ModelConfig bert = HfConfigReader.read(write(BERT));
        assertEquals(2, bert.layers());
        assertEquals(4, bert.heads());
        assertEquals(8, bert.headDim());
        ModelConfig gpt2 = HfConfigReader.read(write(GPT2));
        assertEquals(128, gpt2.intermediate(), "n_inner defaults to 4 × n_embd");
        ModelConfig t5 = HfConfigReader.read(write(T5));
        assertEquals(2, t5.decoderLayers(), "a null num_decoder_layers means as many as the encoder");
    }

    @Test
    void zeroHeadsIsNamed() throws IOException {
        assertRefused(BERT.replace("\"num_attention_heads\": 4", "\"num_attention_heads\": 0"),
                "'num_attention_heads' must be at least 1, not 0");
        assertRefused(GPT2.replace("\"n_head\": 4", "\"n_head\": 0"), "'n_head' must be at least 1, not 0");
        assertRefused(T5.replace("\"num_heads\": 4", "\"num_heads\": 0"), "'num_heads' must be at least 1, not 0");
    }

    @Test
    void headsThatDoNotDivideTheWidthAreNamed() throws IOException {
        assertRefused(BERT.replace("\"num_attention_heads\": 4", "\"num_attention_heads\": 5"),
                "'num_attention_heads' (5) does not divide 'hidden_size' (32)");
        assertRefused(GPT2.replace("\"n_head\": 4", "\"n_head\": 3"), "'n_head' (3) does not divide 'n_embd' (32)");
    }

    @Test
    void zeroOrNegativeOrFractionalSizesAreNamed() throws IOException {
        assertRefused(BERT.replace("\"num_hidden_layers\": 2", "\"num_hidden_layers\": 0"),
                "'num_hidden_layers' must be at least 1, not 0");
        assertRefused(BERT.replace("\"hidden_size\": 32", "\"hidden_size\": -32"), "'hidden_size' must be at least 1");
        assertRefused(BERT.replace("\"vocab_size\": 100", "\"vocab_size\": 1.5"), "'vocab_size' is missing or not an integer");
        assertRefused(GPT2.replace("\"n_layer\": 2", "\"n_layer\": 0"), "'n_layer' must be at least 1, not 0");
        assertRefused(T5.replace("\"d_kv\": 8", "\"d_kv\": 0"), "'d_kv' must be at least 1, not 0");
        assertRefused(T5.replace("null", "0"), "'num_decoder_layers' must be at least 1, not 0");
    }

    private void assertRefused(String json, String expected) throws IOException {
        Path config = write(json);
        CheckpointException e = assertThrows(CheckpointException.class, () -> HfConfigReader.read(config), json);
        assertTrue(e.getMessage().startsWith("checkpoint " + config + ": config field ")
                && e.getMessage().contains(expected), e.getMessage());
        assertFalse(e.getMessage().contains("\n"), e.getMessage());
    }

    private Path write(String json) throws IOException {
        return Files.writeString(tmp.resolve("config.json"), json);
    }
}
