package org.attentionatlas.web;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** GET /api/results/bias and /api/results/bias-heads over a results folder made in a temporary directory. */
class BiasApiTest {

    @TempDir
    static Path results;

    private static AtlasServer server;

    @BeforeAll
    static void start() throws Exception {
        TestServer.ResultsFixture.writeBias(results);
        server = AtlasServer.start(new ServerConfig("127.0.0.1", 0, results, Map.of("minilm-l6", "minilm-l6"), 16));
    }

    @AfterAll
    static void stop() {
        if (server != null) {
            server.close();
        }
    }

    private static HttpResponse<String> get(String path) throws IOException, InterruptedException {
        return TestServer.HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + path))
                .timeout(Duration.ofMinutes(1)).build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void biasSummaryListsOnlyCommittedRows() throws Exception {
        HttpResponse<String> r = get("/api/results/bias");
        assertEquals(200, r.statusCode(), r.body());
        JsonNode bias = TestServer.json(r);
        JsonNode rows = bias.get("summary");
        assertEquals(3, rows.size(), rows.toString());
        for (JsonNode row : rows) {
            assertEquals(TestServer.ResultsFixture.BIAS_RUN, row.get("run_id").asText());
            assertEquals("minilm-l6", row.get("model").asText());
        }
        // ordered by model, revision, dataset, metric, attention
        JsonNode rho = rows.get(0);
        assertEquals("probes", rho.get("dataset").asText());
        assertEquals("association_rho", rho.get("metric").asText());
        assertEquals(0.573, rho.get("estimate").asDouble(), 1e-12);
        assertTrue(rho.get("ci_low").isNull(), "NaN becomes null: " + rho);
        assertEquals(24, rho.get("n").asInt());
        assertEquals(0.0038, rho.get("p_value").asDouble(), 1e-12);
        JsonNode gap = rows.get(1);
        assertEquals("coref_gap", gap.get("metric").asText());
        assertEquals("head_avg", gap.get("attention").asText());
        assertEquals("all", gap.get("grp").asText());
        assertEquals(0.0188, gap.get("estimate").asDouble(), 1e-12);
        assertEquals(0.0167, gap.get("ci_low").asDouble(), 1e-12);
        assertEquals(0.0211, gap.get("ci_high").asDouble(), 1e-12);
        assertEquals(792, gap.get("n").asInt());
        assertEquals("rollout", rows.get(2).get("attention").asText());
        assertEquals(List.of("coref_gap", "she_minus_he"), TestServer.JSON.convertValue(bias.get("metrics"), List.class));
        assertTrue(!r.body().contains("other") && !r.body().contains("hidden"), r.body());
    }

    @Test
    void biasHeadsAreTheLargestOfOneMetric() throws Exception {
        HttpResponse<String> r = get("/api/results/bias-heads?metric=coref_gap&limit=3");
        assertEquals(200, r.statusCode(), r.body());
        JsonNode heads = TestServer.json(r).get("heads");
        assertEquals(3, heads.size(), heads.toString());
        assertEquals(4, heads.get(0).get("layer").asInt());
        assertEquals(7, heads.get(0).get("head").asInt());
        assertEquals(-0.09, heads.get(0).get("value").asDouble(), 1e-12);
        assertEquals(1, heads.get(0).get("rank").asInt());
        assertEquals(TestServer.ResultsFixture.BIAS_RUN, heads.get(0).get("run_id").asText());
        assertEquals(2, heads.get(1).get("layer").asInt());
        assertEquals(3, heads.get(1).get("head").asInt());
        assertEquals(0.05, heads.get(1).get("value").asDouble(), 1e-12);
        assertEquals(2, heads.get(1).get("rank").asInt());
        assertEquals(0.011, heads.get(2).get("value").asDouble(), 1e-12);
        for (JsonNode h : heads) {
            assertEquals("coref_gap", h.get("metric").asText());
            assertEquals(792, h.get("n").asInt());
        }
        assertEquals(10, TestServer.json(get("/api/results/bias-heads?metric=coref_gap")).get("heads").size());
        JsonNode she = TestServer.json(get("/api/results/bias-heads?metric=she_minus_he")).get("heads");
        assertEquals(1, she.size());
        assertEquals("probes", she.get(0).get("dataset").asText());
        assertEquals(-0.02, she.get(0).get("value").asDouble(), 1e-12);
    }

    @Test
    void badMetricOrLimitGets400WithTheReason() throws Exception {
        for (String metric : List.of("hidden_metric", "coref_gap' OR 1=1 --", "nope")) {
            HttpResponse<String> r = get("/api/results/bias-heads?metric="
                    + URLEncoder.encode(metric, StandardCharsets.UTF_8));
            assertEquals(400, r.statusCode(), r.body());
            String error = TestServer.json(r).get("error").asText();
            assertTrue(error.contains("unknown metric") && error.contains("[coref_gap, she_minus_he]"), error);
        }
        HttpResponse<String> missing = get("/api/results/bias-heads");
        assertEquals(400, missing.statusCode());
        assertTrue(TestServer.json(missing).get("error").asText().contains("metric is required"));
        HttpResponse<String> limit = get("/api/results/bias-heads?metric=coref_gap&limit=0");
        assertEquals(400, limit.statusCode());
        assertTrue(TestServer.json(limit).get("error").asText().contains("limit must be in 1..200"));
    }

    @Test
    void noBiasTablesMeansEmptyLists(@TempDir Path empty) {
        ResultsReader reader = new ResultsReader(empty);
        assertEquals(List.of(), reader.biasSummary());
        assertEquals(List.of(), reader.biasMetrics());
        ApiError e = org.junit.jupiter.api.Assertions.assertThrows(ApiError.class, () -> reader.biasHeads("coref_gap", 10));
        assertTrue(e.getMessage().contains("one of []"), e.getMessage());
    }
}
