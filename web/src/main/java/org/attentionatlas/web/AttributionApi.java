package org.attentionatlas.web;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import io.javalin.Javalin;
import io.javalin.http.Context;
import org.attentionatlas.engine.attribution.AttributionJson;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * POST /api/attribution?method=M&amp;steps=N attributes a text (the {@code attribute} command's JSON plus the
 * {@code attribution} id for export); GET /api/attribution shows a recent one; GET /api/attribution/model says which
 * target a model takes.
 */
public final class AttributionApi {

    private static final JsonFactory JSON = new JsonFactory();

    private final AttributionService attributions;

    public AttributionApi(AttributionService attributions) {
        this.attributions = attributions;
    }

    public void register(Javalin app) {
        app.post("/api/attribution", this::attribute);
        app.get("/api/attribution", ctx -> respond(ctx, attributions.get(ctx.queryParam("attribution"))));
        app.get("/api/attribution/model", ctx -> {
            String model = ctx.queryParam("model");
            Map<String, Object> out = new LinkedHashMap<>();
            out.put("model", model);
            out.put("mlm", attributions.hasMaskedLmHead(model));
            out.put("maxSteps", AttributionService.MAX_STEPS);
            out.put("maxTokens", AttributionService.MAX_TOKENS);
            ctx.json(out);
        });
    }

    /** Body {"model": NAME, "text": TEXT, "target": WORD} or {..., "compareText": TEXT}. */
    private void attribute(Context ctx) {
        JsonBody body = JsonBody.read(ctx,
                "{\"model\": NAME, \"text\": TEXT, \"target\": WORD} or {\"model\", \"text\", \"compareText\": TEXT}");
        int steps = Params.intIn("steps", ctx.queryParam("steps"), 1, AttributionService.MAX_STEPS, 64);
        String method = ctx.queryParam("method") == null ? "ig" : ctx.queryParam("method");
        respond(ctx, attributions.attribute(body.string("model"), body.string("text"), method, steps,
                body.string("target"), body.string("compareText")));
    }

    private static void respond(Context ctx, AttributionRun run) {
        StringWriter out = new StringWriter();
        try (JsonGenerator g = JSON.createGenerator(out)) {
            g.writeStartObject();
            g.writeStringField("attribution", run.id());
            AttributionJson.writeFields(g, run.provenance(), run.result());
            g.writeEndObject();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        ctx.contentType("application/json").result(out.toString());
    }
}
