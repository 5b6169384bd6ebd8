package org.attentionatlas.web;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

import javax.imageio.ImageIO;
import javax.xml.parsers.DocumentBuilderFactory;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ApiTest {

    @Test
    void runReturnsTokensAndOneLayerAtATime() throws Exception {
        JsonNode run = TestServer.json(TestServer.postRun("minilm-l6", "The cat sat on the mat."));
        assertEquals("[CLS]", run.get("tokens").get(0).asText());
        int n = run.get("tokens").size();
        assertEquals(6, run.get("layers").asInt());
        assertEquals(12, run.get("heads").asInt());
        String id = run.get("run").asText();

        JsonNode all = TestServer.json(TestServer.get("/api/attention?run=" + id + "&layer=2"));
        assertEquals(12, all.get("attention").size());
        assertEquals(n, all.get("attention").get(3).size());
        JsonNode one = TestServer.json(TestServer.get("/api/attention?run=" + id + "&layer=2&head=3"));
        for (int q = 0; q < n; q++) {
            double sum = 0;
            for (int k = 0; k < n; k++) {
                double v = one.get("attention").get(q).get(k).asDouble();
                assertEquals(all.get("attention").get(3).get(q).get(k).asDouble(), v, 0);
                sum += v;
            }
            assertEquals(1, sum, 1e-4, "rows are distributions");
        }
        JsonNode words = TestServer.json(TestServer.get("/api/attention?run=" + id + "&layer=2&head=mean&words=true"));
        assertEquals(run.get("words").size(), words.get("labels").size());
        assertTrue(words.get("labels").toString().contains("mat"));

        for (String kind : List.of("raw", "rollout", "flow")) {
            HttpResponse<String> f = TestServer.get("/api/flow?run=" + id + "&kind=" + kind + "&target=0");
            assertEquals(200, f.statusCode(), f.body());
            assertTrue(TestServer.json(f).get("edges").size() > 0, kind);
        }
        HttpResponse<String> bad = TestServer.get("/api/attention?run=" + id + "&layer=99");
        assertEquals(400, bad.statusCode());
        assertTrue(TestServer.json(bad).get("error").asText().contains("layer must be in 0..5"));
    }

    @Test
    void serverExportsPngAtScaleAndSvg() throws Exception {
        String id = TestServer.json(TestServer.postRun("minilm-l6", "Export me please.")).get("run").asText();
        for (String view : List.of("head", "model", "heatmap", "flow")) {
            HttpResponse<byte[]> svg = TestServer.getBytes("/api/export?run=" + id + "&view=" + view
                    + "&layer=2&head=3&format=svg");
            assertEquals(200, svg.statusCode(), view);
            DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(new ByteArrayInputStream(svg.body()));
            HttpResponse<byte[]> one = TestServer.getBytes("/api/export?run=" + id + "&view=" + view
                    + "&layer=2&head=3&format=png&scale=1");
            HttpResponse<byte[]> two = TestServer.getBytes("/api/export?run=" + id + "&view=" + view
                    + "&layer=2&head=3&format=png&scale=2");
            BufferedImage a = ImageIO.read(new ByteArrayInputStream(one.body()));
            BufferedImage b = ImageIO.read(new ByteArrayInputStream(two.body()));
            assertEquals(2 * a.getWidth(), b.getWidth(), view);
            assertEquals(2 * a.getHeight(), b.getHeight(), view);
        }
        assertEquals(400, TestServer.getBytes("/api/export?run=" + id + "&view=head&format=png&scale=3").statusCode());
    }

    @Test
    void hostileTextComesBackAsData() throws Exception {
        String text = "<script>window.pwned=1</script><b>bold</b> & <img src=x onerror=alert(1)>";
        HttpResponse<String> r = TestServer.postRun("minilm-l6", text);
        assertEquals(200, r.statusCode(), r.body());
        assertTrue(r.headers().firstValue("content-type").orElse("").startsWith("application/json"));
        JsonNode run = TestServer.json(r);
        assertEquals(text, run.get("text").asText());
        assertTrue(run.get("tokens").toString().contains("script"));
    }

    @Test
    void oversizeInputIsRefusedWithAMessage() throws Exception {
        HttpResponse<String> chars = TestServer.postRun("minilm-l6", "word ".repeat(1200));
        assertEquals(400, chars.statusCode());
        assertTrue(TestServer.json(chars).get("error").asText().contains("the limit is 5000"), chars.body());
        HttpResponse<String> tokens = TestServer.postRun("minilm-l6", "a b ".repeat(600));
        assertEquals(400, tokens.statusCode());
        assertTrue(TestServer.json(tokens).get("error").asText().contains("tokens; the limit is 512"), tokens.body());
        HttpResponse<String> empty = TestServer.postRun("minilm-l6", "   ");
        assertEquals(400, empty.statusCode());
    }

    @Test
    void unknownModelGets400WithTheReason() throws Exception {
        for (String model : List.of("gpt-17", "/etc", "../models/minilm-l6")) {
            HttpResponse<String> r = TestServer.postRun(model, "hello");
            assertEquals(400, r.statusCode());
            String error = TestServer.json(r).get("error").asText();
            assertTrue(error.contains("unknown model") && error.contains("[minilm-l6]"), error);
        }
        HttpResponse<String> r = TestServer.get("/api/attention?run=nope&layer=0");
        assertEquals(404, r.statusCode());
    }

    @Test
    void parallelRequestsNeitherCrashNorMixResults() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Future<String>> done = new ArrayList<>();
            for (int i = 0; i < 8; i++) {
                String word = List.of("apple", "river", "mountain", "violin", "garden", "planet", "coffee", "tiger").get(i);
                String text = "Sentence number " + i + " talks about the " + word + (" again").repeat(i) + ".";
                Callable<String> job = () -> {
                    HttpResponse<String> r = TestServer.postRun("minilm-l6", text);
                    assertEquals(200, r.statusCode(), r.body());
                    JsonNode run = TestServer.json(r);
                    assertEquals(text, run.get("text").asText());
                    String tokens = run.get("tokens").toString();
                    assertTrue(tokens.contains("\"" + word + "\""), tokens);
                    int n = run.get("tokens").size();
                    JsonNode a = TestServer.json(TestServer.get("/api/attention?run=" + run.get("run").asText()
                            + "&layer=0&head=0"));
                    assertEquals(n, a.get("attention").size());
                    assertEquals(run.get("tokens"), a.get("labels"));
                    return word;
                };
                done.add(pool.submit(job));
            }
            for (Future<String> f : done) {
                f.get(5, TimeUnit.MINUTES);
            }
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void resultsBrowsingReadsCommittedRunsAndFiltersHeads() throws Exception {
        JsonNode runs = TestServer.json(TestServer.get("/api/results/runs"));
        assertEquals(1, runs.get("runs").size(), runs.toString());
        assertEquals("minilm-l6", runs.get("runs").get(0).get("model").asText());
        assertTrue(runs.get("statistics").toString().contains("prev_mass"));
        JsonNode heads = TestServer.json(TestServer.get("/api/results/heads?stat=prev_mass&role=previous-token"));
        assertEquals(6, heads.get("heads").size());
        for (JsonNode h : heads.get("heads")) {
            assertEquals(3, h.get("head").asInt());
            assertEquals(0.8, h.get("value").asDouble(), 1e-9);
        }
        HttpResponse<String> bad = TestServer.get("/api/results/heads?stat=1;DROP%20TABLE%20x");
        assertEquals(400, bad.statusCode());
    }
}
