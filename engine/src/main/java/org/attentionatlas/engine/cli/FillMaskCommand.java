package org.attentionatlas.engine.cli;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import org.attentionatlas.engine.load.Devices;
import org.attentionatlas.engine.load.LoadedModel;
import org.attentionatlas.engine.load.ModelLoader;
import org.attentionatlas.engine.mlm.FillMask;
import org.attentionatlas.engine.mlm.Prediction;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.List;
import java.util.Set;

/** {@code fill-mask --model NAME_OR_DIR --text "... [MASK] ..." --top K --json OUT.json}. */
public final class FillMaskCommand {

    static final Set<String> OPTIONS = Set.of("model", "text", "top", "json", "device");

    private FillMaskCommand() {
    }

    public static void run(List<String> argv, PrintStream console) throws IOException {
        CliArgs args = CliArgs.parse("fill-mask", argv, OPTIONS);
        String text = args.require("text");
        int top = args.intValue("top", 5);
        Path json = args.has("json") ? Paths.get(args.get("json", "")) : null;
        try (LoadedModel model = ModelLoader.withDefaultStore().load(args.require("model"),
                Devices.select(args.get("device", "auto")))) {
            List<Prediction> predictions = new FillMask(model).predict(text, top);
            if (json != null) {
                AtomicFiles.write(json, out -> {
                    try (JsonGenerator g = new JsonFactory().createGenerator(out, JsonEncoding.UTF8)) {
                        g.writeStartObject();
                        g.writeStringField("model", model.provenance().name());
                        g.writeStringField("text", text);
                        g.writeArrayFieldStart("predictions");
                        for (Prediction p : predictions) {
                            g.writeStartObject();
                            g.writeStringField("token", p.token());
                            g.writeNumberField("id", p.id());
                            g.writeNumberField("probability", p.probability());
                            g.writeEndObject();
                        }
                        g.writeEndArray();
                        g.writeEndObject();
                    }
                });
            }
            console.printf("%s: %s%n", model.provenance().name(), text);
            for (int i = 0; i < predictions.size(); i++) {
                Prediction p = predictions.get(i);
                console.printf("  %d. %-15s id %-6d p = %.6f%n", i + 1, p.token(), p.id(), p.probability());
            }
            if (json != null) {
                console.println("wrote " + json.toAbsolutePath());
            }
        }
    }
}
