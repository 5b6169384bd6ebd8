package org.attentionatlas.web;

import ai.djl.Device;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.attentionatlas.engine.contrast.Contrast;
import org.attentionatlas.engine.contrast.ContrastJson;
import org.attentionatlas.engine.contrast.ContrastRunner;
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
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** POST /api/contrast answers the engine's contrast JSON; bad inputs get 400; the contrast views export. */
class ContrastApiTest {

    private static final String PRO = "The nurse notified the patient that her shift would be ending in an hour.";
    private static final String ANTI = "The nurse notified the patient that his shift would be ending in an hour.";

    @Test
    void answerEqualsTheEnginesJsonPlusTheRuns() throws Exception {
        HttpResponse<String> r = post("{\"model\":\"minilm-l6\",\"text\":\"" + PRO + "\",\"textB\":\"" + ANTI + "\"}");
        assertEquals(200, r.statusCode(), r.body());
        ObjectNode got = (ObjectNode) TestServer.json(r);
        JsonNode runs = got.remove("runs");
        try (LoadedModel model = ModelLoader.withDefaultStore().load("minilm-l6", Device.cpu())) {
            Contrast c = ContrastRunner.run(model, model, PRO, ANTI, 10);
            JsonNode expected = TestServer.JSON.readTree(ContrastJson.bytes(c, g -> { }));
            assertEquals(expected, got);
        }
        assertEquals(List.of("her"), words(got, "a"));
        assertEquals(List.of("his"), words(got, "b"));
        JsonNode attention = TestServer.json(TestServer.get("/api/attention?run=" + runs.get("b").asText()
                + "&layer=2&head=5&words=true"));
        assertEquals(got.get("attention").get("b").get(2).get(5).get(0).get(1).asDouble(),
                attention.get("attention").get(0).get(1).asDouble(), 1e-6, "run b is the page's run of text B");
    }

    @Test
    void badInputsGet400WithTheReason() throws Exception {
        List<String[]> cases = List.of(
            new String[] {"{\"model\":\"minilm-l6\",\"text\":\"" + PRO + "\"}", "nothing to contrast"},
            new String[] {"{\"model\":\"minilm-l6\",\"modelB\":\"minilm-l6\",\"text\":\"a b\",\"textB\":\"a b\"}",
                "nothing to contrast"},
            new String[] {"{\"model\":\"minilm-l6\",\"text\":\"a b\",\"textB\":\"   \"}", "the textB is empty"},
            new String[] {"{\"model\":\"minilm-l6\",\"text\":\"\",\"textB\":\"a\"}", "the text is empty"},
            new String[] {"{\"model\":\"minilm-l6\",\"modelB\":\"gpt-17\",\"text\":\"a\",\"textB\":\"b\"}",
                "unknown model 'gpt-17'"},
            new String[] {"{\"model\":\"minilm-l6\",\"text\":\"Cats sleep.\",\"textB\":\"Dogs bark!\"}",
                "share no word"},
            new String[] {"{\"model\":\"minilm-l6\",\"text\":\"a\",\"textB\":5}", "'textB' must be a JSON string"},
            new String[] {"{\"model\":\"minilm-l6\",\"text\":\"a b\",\"textB\":\"" + "a b ".repeat(40) + "\"}",
                "the textB has 82 tokens; a contrast is limited to 64 tokens per text"});
        for (String[] c : cases) {
            HttpResponse<String> r = post(c[0]);
            assertEquals(400, r.statusCode(), c[0] + " → " + r.body());
            String error = TestServer.json(r).get("error").asText();
            assertTrue(error.contains(c[1]), error);
        }
    }

    @Test
    void contrastViewsExportAsSvgAndPng() throws Exception {
        JsonNode c = TestServer.json(post("{\"model\":\"minilm-l6\",\"text\":\"I like green tea.\","
                + "\"textB\":\"I like black tea.\"}"));
        String runs = "&runA=" + c.get("runs").get("a").asText() + "&runB=" + c.get("runs").get("b").asText();
        HttpResponse<byte[]> svg = TestServer.getBytes("/api/export?view=contrast-diff&kind=heads&layer=1&head=4"
                + "&format=svg" + runs);
        assertEquals(200, svg.statusCode());
        assertEquals("image/svg+xml", svg.headers().firstValue("Content-Type").orElse(""));
        String text = DocumentBuilderFactory.newInstance().newDocumentBuilder()
                .parse(new ByteArrayInputStream(svg.body())).getDocumentElement().getTextContent();
        assertTrue(text.contains("A − B, layer 1 head 4") && text.contains("tea"), text);
        assertTrue(!text.contains("green"), "changed words are not in the difference");
        for (String kind : List.of("heads", "rollout", "flow")) {
            HttpResponse<byte[]> png = TestServer.getBytes("/api/export?view=contrast-grid&kind=" + kind
                    + "&format=png&scale=2" + runs);
            assertEquals(200, png.statusCode(), kind);
            BufferedImage image = ImageIO.read(new ByteArrayInputStream(png.body()));
            assertTrue(image.getWidth() > 200 && image.getHeight() > 200, kind);
        }
        assertEquals(400, TestServer.getBytes("/api/export?view=contrast-grid&kind=nope" + runs).statusCode());
        assertEquals(400, TestServer.getBytes("/api/export?view=contrast-diff&layer=6" + runs).statusCode());
        assertEquals(404, TestServer.getBytes("/api/export?view=contrast-grid&runA=nope&runB=nope").statusCode());
    }

    private static List<String> words(JsonNode c, String side) {
        List<String> out = new java.util.ArrayList<>();
        for (JsonNode u : c.get(side).get("changed")) {
            out.add(c.get(side).get("words").get(u.asInt()).asText());
        }
        return out;
    }

    private static HttpResponse<String> post(String body) throws Exception {
        return TestServer.HTTP.send(HttpRequest.newBuilder(URI.create(TestServer.base() + "/api/contrast"))
                .timeout(Duration.ofMinutes(5)).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
    }
}
