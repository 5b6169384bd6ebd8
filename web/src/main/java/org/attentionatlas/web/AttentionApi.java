package org.attentionatlas.web;

import io.javalin.Javalin;
import io.javalin.http.Context;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** POST /api/run, GET /api/attention, GET /api/flow, GET /api/models. */
public final class AttentionApi {

    private final RunService runs;
    private final ModelCatalog models;

    public AttentionApi(RunService runs, ModelCatalog models) {
        this.runs = runs;
        this.models = models;
    }

    public void register(Javalin app) {
        app.get("/api/models", this::models);
        app.post("/api/run", this::run);
        app.get("/api/attention", this::attention);
        app.get("/api/flow", this::flow);
    }

    private void models(Context ctx) {
        ctx.json(Map.of("models", models.names(), "maxChars", InputLimits.MAX_CHARS, "maxTokens",
                InputLimits.MAX_TOKENS, "maxFlowTokens", InputLimits.MAX_FLOW_TOKENS));
    }

    /** Body {"model": NAME, "text": TEXT}. */
    private void run(Context ctx) {
        RunRequest req;
        try {
            req = ctx.bodyAsClass(RunRequest.class);
        } catch (RuntimeException e) {
            throw ApiError.badRequest("the body must be JSON {\"model\": NAME, \"text\": TEXT}");
        }
        if (req == null) {
            throw ApiError.badRequest("the body must be JSON {\"model\": NAME, \"text\": TEXT}");
        }
        Run run = runs.run(req.model(), req.text());
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("run", run.id());
        out.put("model", run.model());
        out.put("revision", run.revision());
        out.put("text", req.text());
        out.put("tokens", run.tokens());
        out.put("words", run.words().labels());
        List<Integer> wordOf = new ArrayList<>();
        for (int i = 0; i < run.tokenCount(); i++) {
            wordOf.add(run.words().unitOf(i));
        }
        out.put("wordOfToken", wordOf);
        out.put("layers", run.layers());
        out.put("heads", run.heads());
        ctx.json(out);
    }

    /** One layer: every head [head][q][k], or one head / the head mean [q][k]; word level; pooled thumbnails. */
    private void attention(Context ctx) {
        Run run = runs.get(ctx.queryParam("run"));
        String head = ctx.queryParam("head");
        AttentionView v = AttentionView.of(run, ctx.queryParam("layer"), head, ctx.queryParam("words"));
        int pool = Params.intIn("pool", ctx.queryParam("pool"), 4, 512, 0);
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("run", run.id());
        out.put("layer", v.layer());
        out.put("head", v.head() == AttentionView.MEAN ? "mean" : v.head());
        out.put("words", v.words());
        out.put("labels", v.labels());
        if (head == null || head.isBlank() || head.equals("all")) {
            float[][][] all = v.allHeads();
            if (pool > 0) {
                float[][][] pooled = new float[all.length][][];
                for (int h = 0; h < all.length; h++) {
                    pooled[h] = Matrices.pool(all[h], pool);
                }
                all = pooled;
            }
            out.put("attention", all);
        } else {
            out.put("attention", pool > 0 ? Matrices.pool(v.matrix(), pool) : v.matrix());
        }
        ctx.json(out);
    }

    /** Edges of the layered graph above a threshold, at most maxEdges per layer. */
    private void flow(Context ctx) {
        Run run = runs.get(ctx.queryParam("run"));
        FlowView fv = FlowView.of(run, ctx.queryParam("kind"), ctx.queryParam("target"));
        double threshold = Params.doubleIn("threshold", ctx.queryParam("threshold"), 0, 1, 0.02);
        int maxEdges = Params.intIn("maxEdges", ctx.queryParam("maxEdges"), 1, 5000, 400);
        double[][][] weights = runs.onQueue(fv::weights);
        List<double[]> edges = new ArrayList<>();
        for (FlowView.Edge e : FlowView.edges(weights, threshold, maxEdges)) {
            edges.add(new double[] {e.layer(), e.q(), e.k(), e.w()});
        }
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("run", run.id());
        out.put("kind", fv.kind());
        out.put("target", fv.target());
        out.put("layers", run.layers());
        out.put("tokens", run.tokens());
        out.put("edges", edges);
        ctx.json(out);
    }

    /** The JSON body of POST /api/run. */
    public record RunRequest(String model, String text) {
    }
}
