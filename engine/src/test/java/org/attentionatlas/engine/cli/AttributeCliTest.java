package org.attentionatlas.engine.cli;

import ai.djl.Device;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import com.fasterxml.jackson.databind.JsonNode;
import org.attentionatlas.engine.attribution.MeanPooling;
import org.attentionatlas.engine.hooks.Hooks;
import org.attentionatlas.engine.load.LoadedModel;
import org.attentionatlas.engine.load.ModelLoader;
import org.attentionatlas.engine.mlm.FillMask;
import org.attentionatlas.engine.mlm.Prediction;
import org.attentionatlas.engine.model.ForwardInput;
import org.attentionatlas.engine.model.PaddedBatch;
import org.attentionatlas.engine.testing.TinyBertWithVocabulary;
import org.attentionatlas.testkit.Golden;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The {@code attribute} command's JSON contract and its bad-input errors, on the tiny random BERT of fixtures/golden
 * (it has an MLM head) given a hand-written vocabulary, and on minilm-l6 (no MLM head).
 */
class AttributeCliTest {

    private static final String TEXT = "the doctor asked the [MASK] to help her .";

    @TempDir
    Path tmp;

    private record Result(int code, String out, String err) {
    }

    private static Result run(String... argv) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code = Cli.engine().execute(new AttributeCommand(), argv, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
        return new Result(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    private Path tinyWithVocabulary() throws IOException {
        return TinyBertWithVocabulary.write(tmp);
    }

    @Test
    void integratedGradientsJsonHoldsTheContractAndTheModelsLogProbability() throws IOException {
        Path dir = tinyWithVocabulary();
        Path json = tmp.resolve("out/ig.json");
        Result r = run("--model", dir.toString(), "--text", TEXT, "--target", "nurse", "--method", "ig",
                "--steps", "256", "--json", json.toString());
        assertEquals(0, r.code(), r.err());
        JsonNode j = Golden.json(json);
        assertEquals("tiny-bert", j.get("model").asText());
        for (String field : List.of("name", "source", "revision", "format")) {
            assertFalse(j.get("provenance").get(field).asText().isEmpty(), field);
        }
        assertEquals("[\"[CLS]\",\"the\",\"doctor\",\"asked\",\"the\",\"[MASK]\",\"to\",\"help\",\"her\",\".\",\"[SEP]\"]",
                j.get("tokens").toString());
        assertEquals("[2,5,6,7,5,4,9,10,11,14,3]", j.get("input_ids").toString());
        assertEquals(11, j.get("scores").size());
        assertEquals("ig", j.get("method").asText());
        assertEquals("nurse", j.get("target").asText());
        assertEquals(8, j.get("target_id").asInt());
        assertEquals(5, j.get("mask_index").asInt());
        assertEquals("target_log_prob", j.get("score_name").asText());
        assertEquals("[PAD]", j.get("baseline").asText());
        assertEquals(256, j.get("steps").asInt());
        double sum = 0;
        for (JsonNode s : j.get("scores")) {
            sum += s.asDouble();
        }
        double delta = j.get("target_log_prob").asDouble() - j.get("baseline_score").asDouble();
        assertEquals(Math.abs(sum - delta) / Math.abs(delta), j.get("completeness_gap").asDouble(), 1e-6);
        assertTrue(j.get("completeness_gap").asDouble() < 0.01, j.toString());
        for (int special : new int[] {0, 5, 10}) {
            assertEquals(0.0, j.get("scores").get(special).asDouble(), "the baseline keeps [CLS], [MASK], [SEP]");
        }
        // F is fill-mask's log-probability of the target at the mask
        try (LoadedModel model = ModelLoader.withDefaultStore().load(dir.toString(), Device.cpu())) {
            Prediction nurse = new FillMask(model).predict(TEXT, 211).get(0).predictions().stream()
                    .filter(p -> p.token().equals("nurse")).findFirst().orElseThrow();
            assertEquals(Math.log(nurse.probability()), j.get("target_log_prob").asDouble(), 1e-5);
        }
        assertTrue(r.out().contains("completeness gap") && r.out().contains("nurse"), r.out());
    }

    @Test
    void saliencyJsonHasNoCompletenessGap() throws IOException {
        Path json = tmp.resolve("s.json");
        Result r = run("--model", tinyWithVocabulary().toString(), "--text", TEXT, "--target", "she",
                "--method", "saliency", "--json", json.toString());
        assertEquals(0, r.code(), r.err());
        JsonNode j = Golden.json(json);
        assertFalse(j.has("completeness_gap") || j.has("steps"), j.toString());
        for (JsonNode s : j.get("scores")) {
            assertTrue(s.asDouble() > 0, "a gradient norm: " + s);
        }
    }

    @Test
    void compareTextScoresTheCosineOfMeanPooledEmbeddings() throws IOException {
        Path dir = tinyWithVocabulary();
        Path json = tmp.resolve("c.json");
        String compare = "a nurse helps the doctor";
        Result r = run("--model", dir.toString(), "--text", "the doctor asked her", "--compare-text", compare,
                "--method", "grad-input", "--json", json.toString());
        assertEquals(0, r.code(), r.err());
        JsonNode j = Golden.json(json);
        assertEquals("cosine", j.get("score_name").asText());
        assertEquals(compare, j.get("compare_text").asText());
        assertFalse(j.has("target") || j.has("mask_index"), j.toString());
        try (LoadedModel model = ModelLoader.withDefaultStore().load(dir.toString(), Device.cpu());
             NDManager m = NDManager.newBaseManager(Device.cpu())) {
            float[] a = pooled(model, m, "the doctor asked her");
            float[] b = pooled(model, m, compare);
            double dot = 0;
            double na = 0;
            double nb = 0;
            for (int i = 0; i < a.length; i++) {
                dot += a[i] * b[i];
                na += a[i] * a[i];
                nb += b[i] * b[i];
            }
            assertEquals(dot / Math.sqrt(na * nb), j.get("cosine").asDouble(), 1e-5);
        }
    }

    private static float[] pooled(LoadedModel model, NDManager m, String text) {
        ForwardInput in = PaddedBatch.of(m, List.of(model.encode(text).ids()), 0);
        NDArray hidden = model.transformer().forward(m, in, Hooks.none()).hidden();
        return MeanPooling.pool(hidden, in.attentionMask()).toFloatArray();
    }

    @Test
    void badInputIsOneLineWithExitTwoAndNoOutput() throws IOException {
        String tiny = tinyWithVocabulary().toString();
        assertBad(new String[] {"--model", tiny, "--text", "the doctor asked the nurse .", "--target", "she"},
                "exactly one mask token [MASK], it holds 0");
        assertBad(new String[] {"--model", tiny, "--text", "the [MASK] asked the [MASK] .", "--target", "she"},
                "it holds 2");
        assertBad(new String[] {"--model", tiny, "--text", TEXT, "--target", "doctors"},
                "--target 'doctors' must be one token", "[doctor, ##s]");
        assertBad(new String[] {"--model", tiny, "--text", TEXT, "--target", "zebra"}, "[[UNK]]");
        assertBad(new String[] {"--model", tiny, "--text", TEXT}, "needs --target WORD");
        assertBad(new String[] {"--model", tiny, "--text", TEXT, "--target", "she", "--compare-text", "x"},
                "not both");
        assertBad(new String[] {"--model", tiny, "--text", TEXT, "--target", "she", "--method", "lrp"},
                "unknown attribution method 'lrp'");
        assertBad(new String[] {"--model", tiny, "--text", TEXT, "--target", "she", "--steps", "0"},
                "--steps must be between 1 and 1024");
        assertBad(new String[] {"--model", tiny, "--text", TEXT, "--target", "she", "--baseline", "[NOPE]"},
                "baseline token '[NOPE]'");
        assertBad(new String[] {"--model", "minilm-l6", "--text", "The doctor asked the [MASK].", "--target", "she"},
                "'minilm-l6' has no masked-LM head", "--compare-text");
        assertBad(new String[] {"--model", "minilm-l6", "--text", "The doctor asked the nurse."},
                "'minilm-l6' has no masked-LM head: give --compare-text TEXT");
        try (Stream<Path> files = Files.list(tmp)) {
            assertFalse(files.anyMatch(p -> p.getFileName().toString().contains("o.json")), "no partial output");
        }
    }

    private void assertBad(String[] args, String... expected) {
        String[] argv = Arrays.copyOf(args, args.length + 2);
        argv[args.length] = "--json";
        argv[args.length + 1] = tmp.resolve("o.json").toString();
        Result r = run(argv);
        assertEquals(2, r.code(), String.join(" ", args) + " -> " + r.err() + r.out());
        assertEquals(1, r.err().strip().lines().count(), r.err());
        assertTrue(r.err().startsWith("error: "), r.err());
        for (String e : expected) {
            assertTrue(r.err().contains(e), "'" + e + "' in " + r.err());
        }
    }
}
