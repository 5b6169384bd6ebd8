package org.attentionatlas.engine.attribution;

import com.fasterxml.jackson.core.JsonGenerator;
import org.attentionatlas.engine.load.ModelProvenance;

import java.io.IOException;

/**
 * The attribution JSON object, shared by the {@code attribute} command and the web API: {@code model},
 * {@code provenance}, {@code text}, {@code method}, {@code tokens}, {@code input_ids}, {@code scores}, the target
 * ({@code target} + {@code target_id} + {@code mask_index}, or {@code compare_text}), F at the input under its name
 * ({@code target_log_prob} or {@code cosine}), {@code baseline}, {@code baseline_score} and, for integrated gradients,
 * {@code steps} and {@code completeness_gap} (a fraction).
 */
public final class AttributionJson {

    private AttributionJson() {
    }

    public static void write(JsonGenerator g, ModelProvenance provenance, AttributionResult r) throws IOException {
        g.writeStartObject();
        writeFields(g, provenance, r);
        g.writeEndObject();
    }

    /** The fields alone, for a caller that adds its own to the object. */
    public static void writeFields(JsonGenerator g, ModelProvenance provenance, AttributionResult r) throws IOException {
        AttributionRequest q = r.request();
        TokenAttribution v = r.values();
        g.writeStringField("model", provenance.name());
        g.writeObjectFieldStart("provenance");
        g.writeStringField("name", provenance.name());
        g.writeStringField("source", provenance.source());
        g.writeStringField("revision", provenance.revision());
        g.writeStringField("format", provenance.format());
        g.writeEndObject();
        g.writeStringField("text", q.text());
        g.writeStringField("method", q.method().cliName());
        g.writeArrayFieldStart("tokens");
        for (String t : r.tokens()) {
            g.writeString(t);
        }
        g.writeEndArray();
        g.writeFieldName("input_ids");
        g.writeArray(r.ids(), 0, r.ids().length);
        g.writeArrayFieldStart("scores");
        for (float s : v.scores()) {
            g.writeNumber(s);
        }
        g.writeEndArray();
        if (r.maskIndex() >= 0) {
            g.writeStringField("target", q.targetWord());
            g.writeNumberField("target_id", r.targetId());
            g.writeNumberField("mask_index", r.maskIndex());
        } else {
            g.writeStringField("compare_text", q.compareText());
        }
        g.writeStringField("score_name", r.scoreName());
        g.writeNumberField(r.scoreName(), v.score());
        g.writeStringField("baseline", r.baseline());
        g.writeNumberField("baseline_score", v.baselineScore());
        if (q.method() == AttributionMethod.IG) {
            g.writeNumberField("steps", q.steps());
            g.writeNumberField("completeness_gap", v.completenessGap());
        }
    }
}
