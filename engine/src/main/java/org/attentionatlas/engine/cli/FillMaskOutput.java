package org.attentionatlas.engine.cli;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import org.attentionatlas.engine.mlm.MaskPredictions;
import org.attentionatlas.engine.mlm.Prediction;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;

/**
 * What fill-mask writes: {@code {"model", "text", "predictions", "masks": [{"position", "token_index",
 * "predictions"}]}} — {@code predictions} repeats the first mask's for readers of one-mask output — and the console
 * listing, one block per mask.
 */
final class FillMaskOutput {

    private FillMaskOutput() {
    }

    static void writeJson(Path json, String model, String text, List<MaskPredictions> masks) throws IOException {
        AtomicFiles.write(json, out -> {
            try (JsonGenerator g = new JsonFactory().createGenerator(out, JsonEncoding.UTF8)) {
                g.writeStartObject();
                g.writeStringField("model", model);
                g.writeStringField("text", text);
                g.writeFieldName("predictions");
                writePredictions(g, masks.get(0).predictions());
                g.writeArrayFieldStart("masks");
                for (MaskPredictions mask : masks) {
                    g.writeStartObject();
                    g.writeNumberField("position", mask.position());
                    g.writeNumberField("token_index", mask.tokenIndex());
                    g.writeFieldName("predictions");
                    writePredictions(g, mask.predictions());
                    g.writeEndObject();
                }
                g.writeEndArray();
                g.writeEndObject();
            }
        });
    }

    static void print(PrintWriter console, String model, String text, List<MaskPredictions> masks) {
        console.printf("%s: %s%n", model, text);
        for (MaskPredictions mask : masks) {
            if (masks.size() > 1) {
                console.printf(" mask %d (token %d):%n", mask.position() + 1, mask.tokenIndex());
            }
            List<Prediction> predictions = mask.predictions();
            for (int i = 0; i < predictions.size(); i++) {
                Prediction p = predictions.get(i);
                console.printf("  %d. %-15s id %-6d p = %.6f%n", i + 1, p.token(), p.id(), p.probability());
            }
        }
    }

    private static void writePredictions(JsonGenerator g, List<Prediction> predictions) throws IOException {
        g.writeStartArray();
        for (Prediction p : predictions) {
            g.writeStartObject();
            g.writeStringField("token", p.token());
            g.writeNumberField("id", p.id());
            g.writeNumberField("probability", p.probability());
            g.writeEndObject();
        }
        g.writeEndArray();
    }
}
