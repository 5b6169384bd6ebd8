package org.attentionatlas.engine.cli;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import org.attentionatlas.engine.attention.AttentionExtractor;
import org.attentionatlas.engine.attention.AttentionJson;
import org.attentionatlas.engine.attention.AttentionMeasure;
import org.attentionatlas.engine.attention.RawAttention;
import org.attentionatlas.engine.load.LoadedModel;
import org.attentionatlas.engine.tokenize.Encoding;
import org.attentionatlas.engine.tokenize.TextInput;

import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;

/**
 * {@code inspect --model NAME_OR_DIR (--text TEXT | --input FILE) --json OUT.json [--measure weights|norms]}: full
 * attention of each text as JSON, and the most attended tokens per layer and head on the console.
 */
@Command(name = "inspect", mixinStandardHelpOptions = true,
        description = "Full attention of each text as JSON, and the most attended tokens per layer and head.")
public final class InspectCommand implements Callable<Integer> {

    @Mixin
    private ModelOptions model;

    @ArgGroup(multiplicity = "1")
    private Texts texts;

    @Option(names = "--json", paramLabel = "OUT.json", required = true, description = "where to write the attentions")
    private Path json;

    @Option(names = "--batch-size", defaultValue = "16", description = "texts per forward pass")
    private int batchSize;

    @Option(names = "--top", defaultValue = "3", description = "most attended tokens printed per head")
    private int top;

    @Option(names = "--measure", paramLabel = "weights|norms", defaultValue = "weights",
            description = "attention weights α, or norm-based attention ‖α·f(x)‖ (Kobayashi et al. 2020)")
    private String measure;

    @Spec
    private CommandSpec spec;

    /** Exactly one of the text sources. */
    static final class Texts {
        @Option(names = "--text", paramLabel = "TEXT", description = "one text")
        String text;

        @Option(names = "--input", paramLabel = "FILE", description = "UTF-8 file, one text per line")
        Path input;
    }

    @Override
    public Integer call() throws IOException {
        if (batchSize < 1 || top < 0) {
            throw new IllegalArgumentException("--batch-size must be positive and --top 0 or more");
        }
        AttentionMeasure shown = AttentionMeasure.parse("--measure", measure);
        PrintWriter console = spec.commandLine().getOut();
        List<String> lines = texts.text != null ? List.of(TextInput.requireText(texts.text))
                : TextInput.readLines(texts.input);
        try (LoadedModel loaded = model.load()) {
            List<Encoding> encodings = new ArrayList<>();
            for (int i = 0; i < lines.size(); i++) {
                try {
                    encodings.add(loaded.encode(lines.get(i)));
                } catch (IllegalArgumentException e) {
                    throw new IllegalArgumentException((texts.input != null ? texts.input + " line " + (i + 1) + ": " : "")
                            + e.getMessage(), e);
                }
            }
            List<RawAttention> raw = new AttentionExtractor(loaded, batchSize, shown == AttentionMeasure.NORMS)
                    .extract(encodings).stream().map(r -> r.measured(shown)).toList();
            AtomicFiles.write(json, out -> {
                try (JsonGenerator g = new JsonFactory().createGenerator(out, JsonEncoding.UTF8)) {
                    writeJson(g, loaded, shown, raw);
                }
            });
            AttentionSummary.print(console, loaded, shown, raw, top);
            console.println("wrote " + json.toAbsolutePath());
        }
        return 0;
    }

    private static void writeJson(JsonGenerator g, LoadedModel model, AttentionMeasure measure, List<RawAttention> raw)
            throws IOException {
        g.writeStartObject();
        g.writeStringField("model", model.provenance().name());
        g.writeStringField("measure", measure.label());
        g.writeObjectFieldStart("provenance");
        g.writeStringField("source", model.provenance().source());
        g.writeStringField("revision", model.provenance().revision());
        g.writeStringField("format", model.provenance().format());
        g.writeStringField("architecture", model.config().architecture().name());
        g.writeEndObject();
        g.writeArrayFieldStart("results");
        for (RawAttention r : raw) {
            Encoding e = r.encoding();
            g.writeStartObject();
            g.writeStringField("text", e.text());
            g.writeArrayFieldStart("tokens");
            for (String t : e.tokens()) {
                g.writeString(t);
            }
            g.writeEndArray();
            g.writeFieldName("input_ids");
            g.writeArray(e.ids(), 0, e.ids().length);
            if (r.decoderIds() == null) {
                AttentionJson.matrices(g, "attentions", r.attentions());
            } else {
                AttentionJson.matrices(g, "encoder_attentions", r.attentions());
                AttentionJson.matrices(g, "decoder_attentions", r.decoderAttentions());
                AttentionJson.matrices(g, "cross_attentions", r.crossAttentions());
                g.writeFieldName("decoder_input_ids");
                g.writeArray(r.decoderIds(), 0, r.decoderIds().length);
            }
            g.writeEndObject();
        }
        g.writeEndArray();
        g.writeEndObject();
    }
}
