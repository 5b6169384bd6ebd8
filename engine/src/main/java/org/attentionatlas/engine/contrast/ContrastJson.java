package org.attentionatlas.engine.contrast;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import org.attentionatlas.engine.attention.AttentionJson;
import org.attentionatlas.engine.tokenize.Encoding;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;

/** The contrast JSON of docs/contrast.md, written once for the command, the web API and the report. */
public final class ContrastJson {

    /** More top-level fields after the contrast's own (the web adds its run ids). */
    @FunctionalInterface
    public interface Extra {
        void write(JsonGenerator g) throws IOException;
    }

    private static final JsonFactory FACTORY = new JsonFactory();

    private ContrastJson() {
    }

    public static void write(OutputStream out, Contrast c) throws IOException {
        write(out, c, g -> { });
    }

    public static void write(OutputStream out, Contrast c, Extra extra) throws IOException {
        try (JsonGenerator g = FACTORY.createGenerator(out, JsonEncoding.UTF8)) {
            g.writeStartObject();
            g.writeStringField("model", c.a().provenance().name());
            g.writeStringField("modelB", c.b().provenance().name());
            g.writeObjectFieldStart("provenance");
            provenance(g, "a", c.a());
            provenance(g, "b", c.b());
            g.writeEndObject();
            g.writeNumberField("layers", c.layers());
            g.writeNumberField("heads", c.heads());
            side(g, "a", c.a(), c.diff().changedA());
            side(g, "b", c.b(), c.diff().changedB());
            g.writeArrayFieldStart("aligned");
            for (int[] p : c.diff().aligned()) {
                g.writeArray(p, 0, 2);
            }
            g.writeEndArray();
            grid(g, "divergence", c.divergence());
            grid(g, "changedMassA", c.changedMassA());
            grid(g, "changedMassB", c.changedMassB());
            double[][] delta = new double[c.layers()][c.heads()];
            for (int l = 0; l < c.layers(); l++) {
                for (int h = 0; h < c.heads(); h++) {
                    delta[l][h] = c.changedDelta(l, h);
                }
            }
            grid(g, "changedDelta", delta);
            g.writeArrayFieldStart("topHeads");
            for (TopHead t : c.topHeads()) {
                g.writeStartObject();
                g.writeNumberField("layer", t.layer());
                g.writeNumberField("head", t.head());
                g.writeNumberField("divergence", t.divergence());
                g.writeNumberField("changedDelta", t.changedDelta());
                g.writeEndObject();
            }
            g.writeEndArray();
            g.writeObjectFieldStart("attention");
            AttentionJson.matrices(g, "a", c.attentionA());
            AttentionJson.matrices(g, "b", c.attentionB());
            AttentionJson.matrices(g, "difference", c.difference());
            g.writeEndObject();
            layers(g, "rollout", c.rollout());
            layers(g, "flow", c.flow());
            g.writeStringField("flowSkipped", c.flowSkipped());
            extra.write(g);
            g.writeEndObject();
        }
    }

    public static byte[] bytes(Contrast c, Extra extra) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            write(out, c, extra);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    private static void provenance(JsonGenerator g, String field, ContrastSide s) throws IOException {
        g.writeObjectFieldStart(field);
        g.writeStringField("source", s.provenance().source());
        g.writeStringField("revision", s.provenance().revision());
        g.writeStringField("format", s.provenance().format());
        g.writeStringField("architecture", s.architecture());
        g.writeEndObject();
    }

    private static void side(JsonGenerator g, String field, ContrastSide s, int[] changed) throws IOException {
        Encoding e = s.encoding();
        g.writeObjectFieldStart(field);
        g.writeStringField("text", e.text());
        strings(g, "tokens", e.tokens());
        strings(g, "words", s.words().labels());
        g.writeFieldName("changed");
        g.writeArray(changed, 0, changed.length);
        g.writeEndObject();
    }

    private static void strings(JsonGenerator g, String field, String[] values) throws IOException {
        g.writeFieldName(field);
        g.writeArray(values, 0, values.length);
    }

    private static void grid(JsonGenerator g, String field, double[][] values) throws IOException {
        g.writeArrayFieldStart(field);
        for (double[] row : values) {
            g.writeArray(row, 0, row.length);
        }
        g.writeEndArray();
    }

    private static void layers(JsonGenerator g, String field, LayerContrast c) throws IOException {
        if (c == null) {
            g.writeNullField(field);
            return;
        }
        g.writeObjectFieldStart(field);
        g.writeFieldName("divergence");
        g.writeArray(c.divergence(), 0, c.divergence().length);
        layerMatrices(g, "a", c.a());
        layerMatrices(g, "b", c.b());
        layerMatrices(g, "difference", c.difference());
        g.writeEndObject();
    }

    private static void layerMatrices(JsonGenerator g, String field, float[][][] values) throws IOException {
        g.writeArrayFieldStart(field);
        for (float[][] m : values) {
            AttentionJson.matrix(g, m);
        }
        g.writeEndArray();
    }
}
