package org.attentionatlas.web;

import io.javalin.Javalin;
import io.javalin.http.Context;
import org.attentionatlas.engine.align.Link;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** POST /api/pair aligns a sentence pair; GET /api/pair shows a recent pair at another layer or head. */
public final class PairApi {

    private final PairService pairs;

    public PairApi(PairService pairs) {
        this.pairs = pairs;
    }

    public void register(Javalin app) {
        app.post("/api/pair", this::align);
        app.get("/api/pair", ctx -> ctx.json(view(pairs.get(ctx.queryParam("pair")), ctx)));
    }

    /** Body {"model": NAME, "source": WORDS, "target": WORDS}; query layer, head (a number or "mean"), simLayer. */
    private void align(Context ctx) {
        JsonBody body = JsonBody.read(ctx, "{\"model\": NAME, \"source\": TEXT, \"target\": TEXT}");
        PairInference pair = pairs.align(body.string("model"), body.string("source"), body.string("target"));
        ctx.json(view(pair, ctx));
    }

    private static Map<String, Object> view(PairInference pair, Context ctx) {
        PairChoice c = PairChoice.of(pair, ctx.queryParam("layer"), ctx.queryParam("head"),
                ctx.queryParam("simLayer"));
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("pair", pair.id());
        out.put("model", pair.model());
        out.put("revision", pair.revision());
        out.put("source", pair.source());
        out.put("target", pair.target());
        out.put("layers", pair.layers());
        out.put("heads", pair.heads());
        out.put("layer", c.layer());
        out.put("head", c.headLabel());
        out.put("sourceToTarget", pair.sourceToTarget(c.layer(), c.head()));
        out.put("targetToSource", pair.targetToSource(c.layer(), c.head()));
        out.put("simLayer", c.simLayer());
        List<int[]> links = new ArrayList<>();
        for (Link l : c.similarity(pair)) {
            links.add(new int[] {l.src(), l.tgt()});
        }
        out.put("similarity", links);
        return out;
    }
}
