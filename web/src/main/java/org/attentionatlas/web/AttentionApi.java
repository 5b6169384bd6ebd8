package org.attentionatlas.web;

import io.javalin.Javalin;
import io.javalin.http.Context;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** POST /api/run, GET /api/attention, GET /api/flow, GET /api/models. */
public final class AttentionApi {

    private final InferenceService inferences;
    private final ModelCatalog models;

    public AttentionApi(InferenceService inferences, ModelCatalog models) {
        this.inferences = inferences;
        this.models = models;
    }

    public void register(Javalin app) {
        app.get("/api/models", this::models);
        app.post("/api/run", this::infer);
        app.get("/api/attention", this::attention);
        app.get("/api/flow", this::flow);
    }

    private void models(Context ctx) {
        ctx.json(Map.of("models", models.names(), "maxChars", InputLimits.MAX_CHARS, "maxTokens",
                InputLimits.MAX_TOKENS, "maxFlowTokens", InputLimits.MAX_FLOW_TOKENS));
    }

    /** Body {"model": NAME, "text": TEXT}. */
    private void infer(Context ctx) {
        JsonBody body = JsonBody.read(ctx, "{\"model\": NAME, \"text\": TEXT}");
        String text = body.string("text");
        Inference inference = inferences.infer(body.string("model"), text);
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("run", inference.id());
        out.put("model", inference.model());
        out.put("revision", inference.revision());
        out.put("text", text);
        out.put("tokens", inference.tokens());
        out.put("words", inference.words().labels());
        List<Integer> wordOf = new ArrayList<>();
        for (int i = 0; i < inference.tokenCount(); i++) {
            wordOf.add(inference.words().unitOf(i));
        }
        out.put("wordOfToken", wordOf);
        out.put("layers", inference.layers());
        out.put("heads", inference.heads());
        ctx.json(out);
    }

    /** One layer: every head [head][q][k], or one head / the head mean [q][k]; word level; pooled thumbnails. */
    private void attention(Context ctx) {
        Inference inference = inferences.get(ctx.queryParam("run"));
        String head = ctx.queryParam("head");
        AttentionView v = AttentionView.of(inference, ctx.queryParam("layer"), head, ctx.queryParam("words"),
                ctx.queryParam("measure"));
        int pool = Params.intIn("pool", ctx.queryParam("pool"), 4, 512, 0);
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("run", inference.id());
        out.put("layer", v.layer());
        out.put("head", v.head() == AttentionView.MEAN ? "mean" : v.head());
        out.put("words", v.words());
        out.put("measure", v.measure().label());
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
        Inference inference = inferences.get(ctx.queryParam("run"));
        FlowView fv = FlowView.of(inference, ctx.queryParam("kind"), ctx.queryParam("target"));
        double threshold = Params.doubleIn("threshold", ctx.queryParam("threshold"), 0, 1, 0.02);
        int maxEdges = Params.intIn("maxEdges", ctx.queryParam("maxEdges"), 1, 5000, 400);
        double[][][] weights = inferences.onQueue(fv::weights);
        List<double[]> edges = new ArrayList<>();
        for (FlowView.Edge e : FlowView.edges(weights, threshold, maxEdges)) {
            edges.add(new double[] {e.layer(), e.q(), e.k(), e.w()});
        }
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("run", inference.id());
        out.put("kind", fv.kind());
        out.put("target", fv.target());
        out.put("layers", inference.layers());
        out.put("tokens", inference.tokens());
        out.put("edges", edges);
        ctx.json(out);
    }
}
