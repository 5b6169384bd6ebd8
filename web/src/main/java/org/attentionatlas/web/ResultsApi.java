package org.attentionatlas.web;

import io.javalin.Javalin;
import io.javalin.http.Context;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * GET /api/results/runs, GET /api/results/heads?stat=..&role=..&model=.., GET /api/results/bias and
 * GET /api/results/bias-heads?metric=..&limit=.. over the --results folder.
 */
public final class ResultsApi {

    private final ResultsReader reader;

    public ResultsApi(ResultsReader reader) {
        this.reader = reader;
    }

    public void register(Javalin app) {
        app.get("/api/results/runs", this::runs);
        app.get("/api/results/heads", this::heads);
        app.get("/api/results/bias", this::bias);
        app.get("/api/results/bias-heads", this::biasHeads);
    }

    private void runs(Context ctx) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("results", reader.root().getFileName() == null ? "" : reader.root().getFileName().toString());
        out.put("runs", reader.runs());
        out.put("statistics", reader.statistics());
        out.put("roles", reader.roles());
        ctx.json(out);
    }

    private void heads(Context ctx) {
        String stat = ctx.queryParam("stat");
        if (stat == null || stat.isBlank()) {
            stat = "entropy_mean";
        }
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("stat", stat);
        out.put("role", ctx.queryParam("role"));
        out.put("grid", reader.grid());
        out.put("heads", reader.heads(stat, ctx.queryParam("role"), ctx.queryParam("model")));
        ctx.json(out);
    }

    private void bias(Context ctx) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("summary", reader.biasSummary());
        out.put("metrics", reader.biasMetrics());
        ctx.json(out);
    }

    private void biasHeads(Context ctx) {
        int limit = Params.intIn("limit", ctx.queryParam("limit"), 1, 200, 10);
        String metric = ctx.queryParam("metric");
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("heads", reader.biasHeads(metric, limit));
        out.put("metric", metric);
        out.put("limit", limit);
        ctx.json(out);
    }
}
