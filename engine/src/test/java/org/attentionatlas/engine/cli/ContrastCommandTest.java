package org.attentionatlas.engine.cli;

import com.fasterxml.jackson.databind.JsonNode;
import org.attentionatlas.testkit.Golden;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The contrast command's JSON contract (docs/contrast.md) and its bad-input errors. */
class ContrastCommandTest {

    private static final String PRO = "The developer argued with the designer because he did not like the design.";
    private static final String ANTI = "The developer argued with the designer because she did not like the design.";

    @TempDir
    Path tmp;

    private static EngineCliTest.Result run(String... argv) {
        return EngineCliTest.run(Stream.concat(Stream.of("contrast"), Stream.of(argv)).toArray(String[]::new));
    }

    @Test
    void writesTheDocumentedJson() {
        Path json = tmp.resolve("out/contrast.json");
        EngineCliTest.Result r = run("--model", "minilm-l6", "--text-a", PRO, "--text-b", ANTI, "--top", "4", "--json",
                json.toString());
        assertEquals(0, r.code(), r.err());
        JsonNode c = Golden.json(json);
        List<String> fields = new ArrayList<>();
        c.fieldNames().forEachRemaining(fields::add);
        assertEquals(List.of("model", "modelB", "provenance", "layers", "heads", "a", "b", "aligned", "divergence",
                "changedMassA", "changedMassB", "changedDelta", "topHeads", "attention", "rollout", "flow",
                "flowSkipped"), fields);
        assertEquals("minilm-l6", c.get("model").asText());
        assertEquals("minilm-l6", c.get("modelB").asText());
        assertTrue(c.get("provenance").get("b").get("source").asText().contains("all-minilm-l6-v2"));
        assertEquals(6, c.get("layers").asInt());
        assertEquals(12, c.get("heads").asInt());
        String[] wordsA = Golden.strings(c.get("a").get("words"));
        String[] wordsB = Golden.strings(c.get("b").get("words"));
        int he = List.of(wordsA).indexOf("he");
        assertEquals("[" + he + "]", c.get("a").get("changed").toString());
        assertEquals("she", wordsB[c.get("b").get("changed").get(0).asInt()]);
        int m = c.get("aligned").size();
        assertEquals(wordsA.length - 1, m);
        assertEquals(ANTI, c.get("b").get("text").asText());

        JsonNode divergence = c.get("divergence");
        assertEquals(6, divergence.size());
        assertEquals(12, divergence.get(0).size());
        JsonNode top = c.get("topHeads");
        assertEquals(4, top.size());
        double previous = Double.MAX_VALUE;
        for (JsonNode t : top) {
            double d = t.get("divergence").asDouble();
            assertEquals(divergence.get(t.get("layer").asInt()).get(t.get("head").asInt()).asDouble(), d, 0);
            assertTrue(d <= previous);
            previous = d;
            double delta = c.get("changedMassA").get(t.get("layer").asInt()).get(t.get("head").asInt()).asDouble()
                    - c.get("changedMassB").get(t.get("layer").asInt()).get(t.get("head").asInt()).asDouble();
            assertEquals(delta, t.get("changedDelta").asDouble(), 1e-12);
        }
        JsonNode headA = c.get("attention").get("a").get(3).get(7);
        assertEquals(wordsA.length, headA.size());
        assertEquals(1, sum(headA.get(0)), 1e-5, "word rows sum to 1");
        JsonNode diff = c.get("attention").get("difference").get(3).get(7);
        assertEquals(m, diff.size());
        assertEquals(m, diff.get(0).size());
        assertEquals(0, sum(diff.get(2)), 1e-5, "difference rows sum to 0");
        assertEquals(6, c.get("rollout").get("divergence").size());
        assertEquals(m, c.get("rollout").get("difference").get(5).size());
        assertTrue(c.get("flow").isObject(), "a short pair gets max-flow");
        assertTrue(c.get("flowSkipped").isNull());
        assertTrue(r.out().contains("changed words: A [he], B [she]"), r.out());
    }

    @Test
    void nothingToContrast() {
        assertRefused("nothing to contrast", "--text-a", PRO, "--text-b", PRO);
        assertRefused("nothing to contrast", "--model", "minilm-l6", "--model-b", "minilm-l6", "--text-a", PRO);
    }

    @Test
    void emptyText() {
        assertRefused("--text-b: input text is empty", "--text-a", PRO, "--text-b", "  ");
        assertRefused("--text-a: input text is empty", "--text-a", "", "--text-b", PRO);
    }

    @Test
    void noCommonWordAndModelsOfDifferentShape() {
        assertRefused("share no word", "--text-a", "Cats sleep.", "--text-b", "Dogs bark!");
        assertRefused("has 6 layers × 12 heads and model B 'bge-small-zh' 4 × 8", "--model-b", "bge-small-zh",
                "--text-a", PRO);
    }

    private void assertRefused(String expected, String... args) {
        String[] argv = Stream.concat(Stream.of(args), Stream.of("--json", tmp.resolve("c.json").toString()))
                .toArray(String[]::new);
        EngineCliTest.Result r = run(argv);
        assertEquals(2, r.code(), r.err());
        assertTrue(r.err().startsWith("error: ") && r.err().contains(expected), r.err());
        assertEquals(1, r.err().strip().lines().count(), r.err());
        assertFalse(Files.exists(tmp.resolve("c.json")));
        try (Stream<Path> s = Files.list(tmp)) {
            assertEquals(0, s.count(), "no partial output");
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }

    private static double sum(JsonNode row) {
        double s = 0;
        for (JsonNode v : row) {
            s += v.asDouble();
        }
        return s;
    }
}
