package org.attentionatlas.web;

import ai.djl.Device;
import com.fasterxml.jackson.databind.JsonNode;
import org.attentionatlas.engine.attention.AttentionExtractor;
import org.attentionatlas.engine.attention.AttentionMeasure;
import org.attentionatlas.engine.attention.RawAttention;
import org.attentionatlas.engine.load.LoadedModel;
import org.attentionatlas.engine.load.ModelLoader;
import org.junit.jupiter.api.Test;

import java.net.http.HttpResponse;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@code measure=norms} on /api/attention gives the engine's norm-based attention α_ij·‖f(x_j)‖. */
class NormsApiTest {

    private static final String TEXT = "The doctor asked the nurse to help her.";

    @Test
    void normsViewEqualsTheEngine() throws Exception {
        String id = TestServer.json(TestServer.postRun("minilm-l6", TEXT)).get("run").asText();
        RawAttention engine;
        try (LoadedModel model = ModelLoader.withDefaultStore().load("minilm-l6", Device.cpu())) {
            engine = new AttentionExtractor(model, 1, true).extract(List.of(model.encode(TEXT))).get(0)
                    .measured(AttentionMeasure.NORMS);
        }
        float[][][] layer = engine.attentions()[4];
        int n = layer[0].length;

        JsonNode one = TestServer.json(TestServer.get("/api/attention?run=" + id + "&layer=4&head=7&measure=norms"));
        assertEquals("norms", one.get("measure").asText());
        assertMatrix("head 7", layer[7], one.get("attention"));
        double rowSum = 0;
        for (int k = 0; k < n; k++) {
            rowSum += one.get("attention").get(1).get(k).asDouble();
        }
        assertTrue(Math.abs(rowSum - 1) > 1e-2, "norm-based rows are not distributions: " + rowSum);

        JsonNode all = TestServer.json(TestServer.get("/api/attention?run=" + id + "&layer=4&head=all&measure=norms"));
        for (int h = 0; h < layer.length; h++) {
            assertMatrix("head " + h, layer[h], all.get("attention").get(h));
        }
        float[][] mean = new float[n][n];
        for (float[][] head : layer) {
            for (int q = 0; q < n; q++) {
                for (int k = 0; k < n; k++) {
                    mean[q][k] += head[q][k] / layer.length;
                }
            }
        }
        assertMatrix("head mean", mean,
                TestServer.json(TestServer.get("/api/attention?run=" + id + "&layer=4&head=mean&measure=norms")).get("attention"));

        JsonNode weights = TestServer.json(TestServer.get("/api/attention?run=" + id + "&layer=4&head=7"));
        assertEquals("weights", weights.get("measure").asText());
        assertTrue(Math.abs(weights.get("attention").get(1).get(1).asDouble()
                - one.get("attention").get(1).get(1).asDouble()) > 1e-3, "the two measures differ");
    }

    @Test
    void exportsDrawTheChosenMeasure() throws Exception {
        String id = TestServer.json(TestServer.postRun("minilm-l6", TEXT)).get("run").asText();
        for (String view : List.of("head", "model", "heatmap")) {
            String path = "/api/export?run=" + id + "&view=" + view + "&layer=4&head=7&format=svg";
            String weights = new String(TestServer.getBytes(path).body(), java.nio.charset.StandardCharsets.UTF_8);
            HttpResponse<byte[]> norms = TestServer.getBytes(path + "&measure=norms");
            assertEquals(200, norms.statusCode(), view);
            String svg = new String(norms.body(), java.nio.charset.StandardCharsets.UTF_8);
            assertTrue(svg.contains("norm-based"), view + " title names the measure");
            assertTrue(!weights.contains("norm-based"), view + " weights are the default");
        }
    }

    @Test
    void unknownMeasureIsA400NamingIt() throws Exception {
        String id = TestServer.json(TestServer.postRun("minilm-l6", TEXT)).get("run").asText();
        HttpResponse<String> bad = TestServer.get("/api/attention?run=" + id + "&layer=1&measure=gradients");
        assertEquals(400, bad.statusCode());
        assertEquals("measure must be one of [norms, weights], got 'gradients'",
                TestServer.json(bad).get("error").asText());
    }

    private static void assertMatrix(String what, float[][] expected, JsonNode actual) {
        assertEquals(expected.length, actual.size(), what);
        for (int q = 0; q < expected.length; q++) {
            for (int k = 0; k < expected[q].length; k++) {
                assertEquals(expected[q][k], actual.get(q).get(k).asDouble(), 1e-5 * Math.max(1, Math.abs(expected[q][k])),
                        what + " [" + q + "][" + k + "]");
            }
        }
    }
}
