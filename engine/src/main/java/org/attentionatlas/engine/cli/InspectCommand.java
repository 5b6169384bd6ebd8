package org.attentionatlas.engine.cli;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import org.attentionatlas.engine.attention.AttentionExtractor;
import org.attentionatlas.engine.attention.RawAttention;
import org.attentionatlas.engine.load.Devices;
import org.attentionatlas.engine.load.LoadedModel;
import org.attentionatlas.engine.load.ModelLoader;
import org.attentionatlas.engine.tokenize.Encoding;
import org.attentionatlas.engine.tokenize.TextInput;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * {@code inspect --model NAME_OR_DIR (--text TEXT | --input FILE) --json OUT.json}: full attention of each text as
 * JSON, and the most attended tokens per layer and head on the console.
 */
public final class InspectCommand {

    static final Set<String> OPTIONS = Set.of("model", "text", "input", "json", "device", "batch-size", "top");

    private InspectCommand() {
    }

    public static void run(List<String> argv, PrintStream console) throws IOException {
        CliArgs args = CliArgs.parse("inspect", argv, OPTIONS);
        if (args.has("text") == args.has("input")) {
            throw new CliArgs.UsageException("inspect: give exactly one of --text TEXT or --input FILE");
        }
        Path json = Paths.get(args.require("json"));
        List<String> texts = args.has("text") ? List.of(TextInput.requireText(args.get("text", "")))
                : TextInput.readLines(Paths.get(args.get("input", "")));
        try (LoadedModel model = ModelLoader.withDefaultStore().load(args.require("model"),
                Devices.select(args.get("device", "auto")))) {
            List<Encoding> encodings = new ArrayList<>();
            for (int i = 0; i < texts.size(); i++) {
                try {
                    encodings.add(model.encode(texts.get(i)));
                } catch (IllegalArgumentException e) {
                    throw new IllegalArgumentException((args.has("input") ? args.get("input", "") + " line " + (i + 1) + ": " : "")
                            + e.getMessage(), e);
                }
            }
            List<RawAttention> raw = new AttentionExtractor(model, args.intValue("batch-size", 16)).extract(encodings);
            AtomicFiles.write(json, out -> {
                try (JsonGenerator g = new JsonFactory().createGenerator(out, JsonEncoding.UTF8)) {
                    writeJson(g, model, raw);
                }
            });
            AttentionSummary.print(console, model, raw, args.intValue("top", 3));
            console.println("wrote " + json.toAbsolutePath());
        }
    }

    private static void writeJson(JsonGenerator g, LoadedModel model, List<RawAttention> raw) throws IOException {
        g.writeStartObject();
        g.writeStringField("model", model.provenance().name());
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
                writeMatrices(g, "attentions", r.attentions());
            } else {
                writeMatrices(g, "encoder_attentions", r.attentions());
                writeMatrices(g, "decoder_attentions", r.decoderAttentions());
                writeMatrices(g, "cross_attentions", r.crossAttentions());
                g.writeFieldName("decoder_input_ids");
                g.writeArray(r.decoderIds(), 0, r.decoderIds().length);
            }
            g.writeEndObject();
        }
        g.writeEndArray();
        g.writeEndObject();
    }

    private static void writeMatrices(JsonGenerator g, String field, float[][][][] a) throws IOException {
        g.writeArrayFieldStart(field);
        for (float[][][] layer : a) {
            g.writeStartArray();
            for (float[][] head : layer) {
                g.writeStartArray();
                for (float[] row : head) {
                    g.writeStartArray();
                    for (float v : row) {
                        g.writeNumber(v);
                    }
                    g.writeEndArray();
                }
                g.writeEndArray();
            }
            g.writeEndArray();
        }
        g.writeEndArray();
    }
}
