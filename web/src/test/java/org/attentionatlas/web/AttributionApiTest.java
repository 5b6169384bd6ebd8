package org.attentionatlas.web;

import ai.djl.Device;
import com.fasterxml.jackson.databind.JsonNode;
import org.attentionatlas.engine.attribution.AttributionMethod;
import org.attentionatlas.engine.attribution.AttributionRequest;
import org.attentionatlas.engine.attribution.AttributionResult;
import org.attentionatlas.engine.attribution.TextAttributor;
import org.attentionatlas.engine.load.LoadedModel;
import org.attentionatlas.engine.load.ModelLoader;
import org.junit.jupiter.api.Test;

import javax.imageio.ImageIO;
import javax.xml.parsers.DocumentBuilderFactory;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The attribution API on minilm-l6 (a sentence-embedding model: the target is a second text's embedding). */
class AttributionApiTest {

    private static final String TEXT = "The doctor asked the nurse to help her with the patient.";
    private static final String COMPARE = "A nurse helps a doctor in a hospital.";

    private static HttpResponse<String> post(String query, Map<String, String> body) throws Exception {
        return TestServer.HTTP.send(HttpRequest.newBuilder(URI.create(TestServer.base() + "/api/attribution" + query))
                .timeout(Duration.ofMinutes(5)).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(TestServer.JSON.writeValueAsString(body))).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void valuesEqualTheEnginesAndTheViewExports() throws Exception {
        HttpResponse<String> r = post("?method=ig&steps=32",
                Map.of("model", "minilm-l6", "text", TEXT, "compareText", COMPARE));
        assertEquals(200, r.statusCode(), r.body());
        JsonNode j = TestServer.json(r);
        AttributionResult engine;
        try (LoadedModel model = ModelLoader.withDefaultStore().load("minilm-l6", Device.cpu())) {
            engine = new TextAttributor(model).attribute(new AttributionRequest(TEXT, AttributionMethod.IG, 32, null,
                    COMPARE, AttributionRequest.DEFAULT_BASELINE));
        }
        assertEquals(engine.tokens().length, j.get("tokens").size());
        for (int i = 0; i < engine.tokens().length; i++) {
            assertEquals(engine.tokens()[i], j.get("tokens").get(i).asText());
            assertEquals(engine.values().scores()[i], j.get("scores").get(i).floatValue(), 1e-6, "token " + i);
        }
        assertEquals("cosine", j.get("score_name").asText());
        assertEquals(engine.values().score(), j.get("cosine").asDouble(), 1e-6);
        assertEquals(engine.values().baselineScore(), j.get("baseline_score").asDouble(), 1e-6);
        assertEquals(engine.values().completenessGap(), j.get("completeness_gap").asDouble(), 1e-6);
        assertTrue(j.get("completeness_gap").asDouble() < 0.01, r.body());
        assertEquals("minilm-l6", j.get("provenance").get("name").asText());

        String id = j.get("attribution").asText();
        assertEquals(j.get("scores"), TestServer.json(TestServer.get("/api/attribution?attribution=" + id)).get("scores"));
        HttpResponse<byte[]> svg = TestServer.getBytes("/api/export?view=attribution&format=svg&attribution=" + id);
        assertEquals(200, svg.statusCode());
        DocumentBuilderFactory dbf = DocumentBuilderFactory.newInstance();
        dbf.setNamespaceAware(true);
        String svgText = new String(svg.body(), java.nio.charset.StandardCharsets.UTF_8);
        assertEquals("svg", dbf.newDocumentBuilder().parse(new ByteArrayInputStream(svg.body())).getDocumentElement()
                .getLocalName());
        assertTrue(svgText.contains("nurse") && svgText.contains("completeness gap"), "tokens and the gap are drawn");
        HttpResponse<byte[]> png = TestServer.getBytes("/api/export?view=attribution&format=png&scale=2&attribution=" + id);
        BufferedImage img = ImageIO.read(new ByteArrayInputStream(png.body()));
        assertEquals(2 * AttributionFigure.WIDTH, img.getWidth());
    }

    @Test
    void modelInfoSaysWhichTargetTheModelTakes() throws Exception {
        JsonNode info = TestServer.json(TestServer.get("/api/attribution/model?model=minilm-l6"));
        assertFalse(info.get("mlm").asBoolean(), "minilm-l6 has no MLM head");
        assertEquals(400, TestServer.get("/api/attribution/model?model=/etc").statusCode());
    }

    @Test
    void badRequestsAreRefusedWithTheReason() throws Exception {
        assertError(post("?method=ig", Map.of("model", "minilm-l6", "text", "The [MASK] is here.", "target", "she")),
                400, "no masked-LM head");
        assertError(post("?method=ig", Map.of("model", "minilm-l6", "text", TEXT)), 400, "give --compare-text");
        assertError(post("?method=lrp", Map.of("model", "minilm-l6", "text", TEXT, "compareText", COMPARE)), 400,
                "unknown attribution method 'lrp'");
        assertError(post("?steps=1000", Map.of("model", "minilm-l6", "text", TEXT, "compareText", COMPARE)), 400,
                "steps must be in 1..256");
        assertError(post("", Map.of("model", "minilm-l6", "text", "word ".repeat(200), "compareText", COMPARE)), 400,
                "the limit is 128");
        assertError(TestServer.get("/api/attribution?attribution=nope"), 404, "no recent attribution");
    }

    private static void assertError(HttpResponse<String> r, int status, String message) throws Exception {
        assertEquals(status, r.statusCode(), r.body());
        assertTrue(TestServer.json(r).get("error").asText().contains(message), r.body());
    }
}
