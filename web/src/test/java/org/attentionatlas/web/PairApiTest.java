package org.attentionatlas.web;

import ai.djl.Device;
import ai.djl.ndarray.NDManager;
import com.fasterxml.jackson.databind.JsonNode;
import org.attentionatlas.engine.align.AlignGrid;
import org.attentionatlas.engine.align.AlignKey;
import org.attentionatlas.engine.align.AlignMethod;
import org.attentionatlas.engine.align.Link;
import org.attentionatlas.engine.align.PairAligner;
import org.attentionatlas.engine.align.PairSequence;
import org.attentionatlas.engine.align.PreSplitTokenizer;
import org.attentionatlas.engine.align.TokenizedPair;
import org.attentionatlas.engine.hooks.Captures;
import org.attentionatlas.engine.hooks.HookKind;
import org.attentionatlas.engine.hooks.HookPoint;
import org.attentionatlas.engine.hooks.Hooks;
import org.attentionatlas.engine.hooks.Stack;
import org.attentionatlas.engine.load.LoadedModel;
import org.attentionatlas.engine.load.ModelLoader;
import org.attentionatlas.engine.model.PaddedBatch;
import org.junit.jupiter.api.Test;

import javax.imageio.ImageIO;
import javax.xml.parsers.DocumentBuilderFactory;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class PairApiTest {

    private static final List<String> SRC = List.of("The", "unbelievable", "cat", "sleeps", ".");
    private static final List<String> TGT = List.of("Die", "unglaubliche", "Katze", "schläft", ".");
    private static final int LAYER = 2;
    private static final int HEAD = 3;

    @Test
    void pairAttentionEqualsTheTokenPatternPooledByHandAndLinksEqualTheAligner() throws Exception {
        HttpResponse<String> r = postPair("{\"model\":\"minilm-l6\",\"source\":\"" + String.join(" ", SRC)
                + "\",\"target\":\"" + String.join(" ", TGT) + "\"}", "?layer=" + LAYER + "&head=" + HEAD);
        assertEquals(200, r.statusCode(), r.body());
        JsonNode pair = TestServer.json(r);
        assertEquals(SRC.size(), pair.get("source").size());
        assertEquals("unglaubliche", pair.get("target").get(1).asText());
        assertEquals(6, pair.get("simLayer").asInt(), "6-layer model: the last layer");

        try (LoadedModel model = ModelLoader.withDefaultStore().load("minilm-l6", Device.cpu())) {
            TokenizedPair p = TokenizedPair.of(PreSplitTokenizer.encode(model.tokenizer(), SRC),
                    PreSplitTokenizer.encode(model.tokenizer(), TGT));
            assertTrue(p.tgt().length() > TGT.size() + 2, "a word splits into subwords");
            double[][] words = byHand(model, p.joined());
            int m = SRC.size();
            for (int i = 0; i < m; i++) {
                for (int j = 0; j < TGT.size(); j++) {
                    assertEquals(words[i][m + j], pair.get("sourceToTarget").get(i).get(j).asDouble(), 1e-5);
                    assertEquals(words[m + j][i], pair.get("targetToSource").get(j).get(i).asDouble(), 1e-5);
                }
            }
            PairAligner aligner = new PairAligner(model.transformer(), 1);
            AlignGrid grid = aligner.grid();
            Set<Link> expected = aligner.align(List.of(p)).links().get(0)
                    .get(grid.index(new AlignKey(AlignMethod.SOFTMAX, 6, -1)));
            Set<Link> got = new TreeSet<>();
            pair.get("similarity").forEach(l -> got.add(new Link(l.get(0).asInt(), l.get(1).asInt())));
            assertEquals(new TreeSet<>(expected), got);
            assertTrue(got.contains(new Link(4, 4)), "the two full stops: " + got);
        }

        JsonNode again = TestServer.json(TestServer.get("/api/pair?pair=" + pair.get("pair").asText()
                + "&layer=" + LAYER + "&head=" + HEAD + "&simLayer=6"));
        assertEquals(pair.get("sourceToTarget"), again.get("sourceToTarget"));
    }

    /**
     * head=mean: the layer's head average of the word attention (the align job's attention-mean), against the mean of
     * the aligner's per-head word attention computed here; simLayer picks the similarity links of that layer.
     */
    @Test
    void headMeanAveragesTheWordAttentionOverHeadsAndSimLayerPicksTheLinks() throws Exception {
        JsonNode pair = TestServer.json(postPair("{\"model\":\"minilm-l6\",\"source\":\"" + String.join(" ", SRC)
                + "\",\"target\":\"" + String.join(" ", TGT) + "\"}", "?layer=" + LAYER + "&head=mean&simLayer=3"));
        assertEquals("mean", pair.get("head").asText());
        assertEquals(3, pair.get("simLayer").asInt());
        try (LoadedModel model = ModelLoader.withDefaultStore().load("minilm-l6", Device.cpu())) {
            TokenizedPair p = TokenizedPair.of(PreSplitTokenizer.encode(model.tokenizer(), SRC),
                    PreSplitTokenizer.encode(model.tokenizer(), TGT));
            PairAligner aligner = new PairAligner(model.transformer(), 1);
            float[][][] heads = aligner.wordAttention(p)[LAYER];
            int m = SRC.size();
            for (int i = 0; i < m; i++) {
                for (int j = 0; j < TGT.size(); j++) {
                    double s2t = 0;
                    double t2s = 0;
                    for (float[][] h : heads) {
                        s2t += h[i][m + j] / heads.length;
                        t2s += h[m + j][i] / heads.length;
                    }
                    assertEquals(s2t, pair.get("sourceToTarget").get(i).get(j).asDouble(), 1e-5);
                    assertEquals(t2s, pair.get("targetToSource").get(j).get(i).asDouble(), 1e-5);
                }
            }
            AlignGrid grid = aligner.grid();
            Set<Link> expected = aligner.align(List.of(p)).links().get(0)
                    .get(grid.index(new AlignKey(AlignMethod.SOFTMAX, 3, -1)));
            Set<Link> got = new TreeSet<>();
            pair.get("similarity").forEach(l -> got.add(new Link(l.get(0).asInt(), l.get(1).asInt())));
            assertEquals(new TreeSet<>(expected), got);
        }
        HttpResponse<byte[]> svg = TestServer.getBytes("/api/export?view=pair&format=svg&pair="
                + pair.get("pair").asText() + "&layer=" + LAYER + "&head=mean&simLayer=3");
        assertEquals(200, svg.statusCode());
        assertTrue(new String(svg.body(), java.nio.charset.StandardCharsets.UTF_8).contains("layer " + LAYER
                + " heads averaged"), "the export's title");
    }

    /** Word attention of one head: a query word's row is the mean of its tokens' rows, key columns summed. */
    private static double[][] byHand(LoadedModel model, PairSequence s) {
        try (NDManager nd = NDManager.newBaseManager(Device.cpu())) {
            Hooks hooks = Hooks.create();
            Captures cap = Captures.of(nd, hooks, EnumSet.of(HookKind.PATTERN));
            model.transformer().forward(nd, PaddedBatch.withTypes(nd, List.of(s.ids()), List.of(s.types()),
                    model.config().padTokenId()), hooks);
            int t = s.length();
            float[] a = cap.get(new HookPoint(Stack.MAIN, LAYER, HookKind.PATTERN)).get(0).get(HEAD).toFloatArray();
            int u = s.units();
            double[][] out = new double[u][u];
            int[] count = new int[u];
            for (int q = 0; q < t; q++) {
                if (s.unitOfToken()[q] >= 0) {
                    count[s.unitOfToken()[q]]++;
                }
            }
            for (int q = 0; q < t; q++) {
                int uq = s.unitOfToken()[q];
                for (int k = 0; k < t && uq >= 0; k++) {
                    int uk = s.unitOfToken()[k];
                    if (uk >= 0) {
                        out[uq][uk] += a[q * t + k] / count[uq];
                    }
                }
            }
            return out;
        }
    }

    @Test
    void badPairsGet400WithTheReason() throws Exception {
        List<String[]> cases = new ArrayList<>();
        cases.add(new String[] {"{\"model\":\"gpt-17\",\"source\":\"a\",\"target\":\"b\"}", "", "unknown model"});
        cases.add(new String[] {"{\"model\":\"minilm-l6\",\"source\":\"a b\",\"target\":\"  \"}", "",
            "the target is empty"});
        cases.add(new String[] {"{\"model\":\"minilm-l6\",\"source\":[\"a\"],\"target\":\"b\"}", "",
            "'source' must be a JSON string"});
        cases.add(new String[] {"{\"model\":\"minilm-l6\",\"source\":\"a\",\"target\":\"b\"}", "?layer=6",
            "layer must be in 0..5"});
        cases.add(new String[] {"{\"model\":\"minilm-l6\",\"source\":\"" + "a b ".repeat(300)
            + "\",\"target\":\"b\"}", "", "the limit is 512"});
        cases.add(new String[] {"not json", "", "the body is not JSON"});
        for (String[] c : cases) {
            HttpResponse<String> r = postPair(c[0], c[1]);
            assertEquals(400, r.statusCode(), c[0]);
            String error = TestServer.json(r).get("error").asText();
            assertTrue(error.contains(c[2]), error);
        }
        assertEquals(404, TestServer.get("/api/pair?pair=nope").statusCode());
    }

    @Test
    void pairViewExportsSvgAndPng() throws Exception {
        String id = TestServer.json(postPair("{\"model\":\"minilm-l6\",\"source\":\"I like tea\","
                + "\"target\":\"Ich mag Tee\"}", "")).get("pair").asText();
        String base = "/api/export?view=pair&pair=" + id + "&layer=1&head=2";
        HttpResponse<byte[]> svg = TestServer.getBytes(base + "&format=svg");
        assertEquals(200, svg.statusCode());
        String text = DocumentBuilderFactory.newInstance().newDocumentBuilder()
                .parse(new ByteArrayInputStream(svg.body())).getDocumentElement().getTextContent();
        assertTrue(text.contains("mag") && text.contains("tea"), text);
        BufferedImage one = ImageIO.read(new ByteArrayInputStream(
                TestServer.getBytes(base + "&format=png&scale=1").body()));
        BufferedImage two = ImageIO.read(new ByteArrayInputStream(
                TestServer.getBytes(base + "&format=png&scale=2").body()));
        assertEquals(2 * one.getWidth(), two.getWidth());
        assertEquals(400, TestServer.getBytes(base + "&format=svg&simLayer=9").statusCode());
    }

    private static HttpResponse<String> postPair(String body, String query) throws Exception {
        return TestServer.HTTP.send(HttpRequest.newBuilder(URI.create(TestServer.base() + "/api/pair" + query))
                .timeout(Duration.ofMinutes(5)).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
    }
}
