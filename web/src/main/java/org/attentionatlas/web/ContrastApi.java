package org.attentionatlas.web;

import io.javalin.Javalin;
import io.javalin.http.Context;
import org.attentionatlas.engine.contrast.ContrastJson;

/** POST /api/contrast: the contrast command's JSON (docs/contrast.md) plus the two runs' ids. */
public final class ContrastApi {

    private final ContrastService contrasts;

    public ContrastApi(ContrastService contrasts) {
        this.contrasts = contrasts;
    }

    public void register(Javalin app) {
        app.post("/api/contrast", this::contrast);
    }

    /** Body {"model": NAME, "modelB": NAME?, "text": TEXT, "textB": TEXT?}. */
    private void contrast(Context ctx) {
        JsonBody body = JsonBody.read(ctx, "{\"model\": NAME, \"modelB\": NAME?, \"text\": TEXT, \"textB\": TEXT?}");
        ContrastService.RunPair pair = contrasts.contrast(body.string("model"), body.string("modelB"),
                body.string("text"), body.string("textB"));
        byte[] json = ContrastJson.bytes(pair.contrast(), g -> {
            g.writeObjectFieldStart("runs");
            g.writeStringField("a", pair.a().id());
            g.writeStringField("b", pair.b().id());
            g.writeEndObject();
        });
        ctx.contentType("application/json").result(json);
    }
}
