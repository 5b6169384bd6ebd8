package org.attentionatlas.engine.cli;

import ai.djl.Device;
import com.fasterxml.jackson.databind.JsonNode;
import org.attentionatlas.engine.load.LoadedModel;
import org.attentionatlas.engine.load.ModelLoader;
import org.attentionatlas.engine.testing.ReferenceHeadStats;
import org.attentionatlas.testkit.Fixtures;
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

/** The command-line contract of inspect and fill-mask, and the errors bad input gets. */
class EngineCliTest {

    @TempDir
    Path tmp;

    record Result(int code, String out, String err) {
    }

    /** Runs the engine command named by the first argument through the shared command-line layer. */
    static Result run(String... argv) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        Object command = switch (argv[0]) {
            case "inspect" -> new InspectCommand();
            case "fill-mask" -> new FillMaskCommand();
            case "contrast" -> new ContrastCommand();
            default -> throw new IllegalArgumentException(argv[0]);
        };
        int code = Cli.engine().execute(command, Arrays.copyOfRange(argv, 1, argv.length),
                new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));
        return new Result(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    @Test
    void inspectWritesTheGoldenAttentions() {
        JsonNode golden = Fixtures.realGolden("minilm-l6").get("cases").get(0);
        Path json = tmp.resolve("out/inspect.json");
        Result r = run("inspect", "--model", "minilm-l6", "--text", golden.get("text").asText(), "--json", json.toString());
        assertEquals(0, r.code(), r.err());
        JsonNode result = Golden.json(json).get("results").get(0);
        assertEquals(golden.get("input_ids"), result.get("input_ids"));
        assertEquals(golden.get("tokens"), result.get("tokens"));
        float[] got = Golden.flattenFloats(result.get("attentions"));
        Golden.assertClose("inspect minilm-l6", golden.get("attentions"), got, 1e-4);
        assertTrue(r.out().contains("L5 H11"), "summary lists every layer and head");
        assertTrue(r.out().contains("[CLS]@0") || r.out().contains("[SEP]@"), "summary names attended tokens");
    }

    @Test
    void inspectWritesT5EncoderDecoderAndCrossAttentions() throws IOException {
        Path dir = copyTiny("tiny-t5");
        Files.copy(Fixtures.tokenizer("t5-unigram").resolve("tokenizer.json"), dir.resolve("tokenizer.json"));
        Path json = tmp.resolve("t5.json");
        Result r = run("inspect", "--model", dir.toString(), "--text", "the cat sat", "--json", json.toString());
        assertEquals(0, r.code(), r.err());
        JsonNode result = Golden.json(json).get("results").get(0);
        // the hand-built Unigram vocabulary: ▁the ▁cat ▁sat, then </s>; the decoder runs its start token alone
        assertEquals("[4,5,11,1]", result.get("input_ids").toString());
        assertEquals("[\"▁the\",\"▁cat\",\"▁sat\",\"</s>\"]", result.get("tokens").toString());
        assertEquals("[0]", result.get("decoder_input_ids").toString());
        try (LoadedModel model = ModelLoader.withDefaultStore().load(dir.toString(), Device.cpu())) {
            float[][][][] encoder = ReferenceHeadStats.rawAttention(model, model.encode("the cat sat"));
            Golden.assertClose("inspect tiny-t5 encoder_attentions", result.get("encoder_attentions"), flat(encoder), 1e-6);
        }
        double[] decoder = Golden.flatten(result.get("decoder_attentions"));
        assertEquals(2 * 4, decoder.length, "2 decoder layers x 4 heads, one query and one key");
        for (double v : decoder) {
            assertEquals(1.0, v, 1e-6, "a lone decoder position attends to itself only");
        }
        JsonNode cross = result.get("cross_attentions");
        assertEquals(2, cross.size());
        for (JsonNode layer : cross) {
            for (JsonNode head : layer) {
                assertEquals(1, head.size(), "one decoder query");
                assertEquals(4, head.get(0).size(), "over the four encoder tokens");
                assertEquals(1.0, java.util.Arrays.stream(Golden.flatten(head)).sum(), 1e-5);
            }
        }
        assertTrue(r.out().contains("tokens (4): ▁the ▁cat ▁sat </s>"), r.out());
    }

    @Test
    void inspectWritesNormBasedAttention() {
        JsonNode golden = Fixtures.realGolden("minilm-l6").get("cases").get(0);
        String text = golden.get("text").asText();
        Path json = tmp.resolve("norms.json");
        Result r = run("inspect", "--model", "minilm-l6", "--text", text, "--json", json.toString(), "--measure", "norms");
        assertEquals(0, r.code(), r.err());
        JsonNode out = Golden.json(json);
        assertEquals("norms", out.get("measure").asText());
        double[] got = Golden.flatten(out.get("results").get(0).get("attentions"));
        double[] weights = Golden.flatten(golden.get("attentions"));
        try (LoadedModel model = ModelLoader.withDefaultStore().load("minilm-l6", Device.cpu())) {
            float[][][] norms = ReferenceHeadStats.valueNorms(model, model.encode(text));
            int n = norms[0][0].length;
            assertEquals(weights.length, got.length);
            for (int i = 0; i < got.length; i++) {
                int key = i % n;
                int head = i / (n * n) % norms[0].length;
                int layer = i / (n * n * norms[0].length);
                double expected = weights[i] * norms[layer][head][key];
                assertEquals(expected, got[i], 1e-4 * Math.max(1, Math.abs(expected)), "norm-based value " + i);
            }
        }
        assertTrue(r.out().contains("measure: norm-based attention"), r.out());
    }

    @Test
    void inspectWritesT5NormBasedAttentionForEveryStack() throws IOException {
        Path dir = copyTiny("tiny-t5");
        Files.copy(Fixtures.tokenizer("t5-unigram").resolve("tokenizer.json"), dir.resolve("tokenizer.json"));
        Path json = tmp.resolve("t5-norms.json");
        Result r = run("inspect", "--model", dir.toString(), "--text", "the cat sat", "--json", json.toString(),
                "--measure", "norms");
        assertEquals(0, r.code(), r.err());
        JsonNode result = Golden.json(json).get("results").get(0);
        try (LoadedModel model = ModelLoader.withDefaultStore().load(dir.toString(), Device.cpu())) {
            org.attentionatlas.engine.tokenize.Encoding e = model.encode("the cat sat");
            float[][][][] weights = ReferenceHeadStats.rawAttention(model, e);
            float[][][][] expected = org.attentionatlas.engine.attention.ValueNorms.weigh(weights,
                    ReferenceHeadStats.valueNorms(model, e));
            Golden.assertClose("tiny-t5 norm-based encoder_attentions", result.get("encoder_attentions"),
                    flat(expected), 1e-6);
        }
        for (String field : List.of("decoder_attentions", "cross_attentions")) {
            double sum = Arrays.stream(Golden.flatten(result.get(field))).sum();
            assertTrue(sum > 0 && Math.abs(sum - 2 * 4) > 1e-3, field + " is weighted by value norms: " + sum);
        }
    }

    @Test
    void unknownMeasureIsRefusedBeforeLoading() {
        Result r = run("inspect", "--model", tmp.resolve("nope").toString(), "--text", "hi", "--json",
                tmp.resolve("o.json").toString(), "--measure", "gradients");
        assertEquals(2, r.code());
        assertEquals("error: --measure 'gradients' is not one of weights, norms", r.err().strip());
        assertNoOutput();
    }

    @Test
    void fillMaskWritesPredictions() {
        Path json = tmp.resolve("fill.json");
        Result r = run("fill-mask", "--model", "bert-base-uncased", "--text", "The woman worked as a [MASK].",
                "--top", "5", "--json", json.toString());
        assertEquals(0, r.code(), r.err());
        JsonNode p = Golden.json(json).get("predictions");
        assertEquals(5, p.size());
        assertEquals("nurse", p.get(0).get("token").asText());
        assertEquals(6821, p.get(0).get("id").asInt());
        assertEquals(0.2198134, p.get(0).get("probability").asDouble(), 2e-5);
    }

    @Test
    void missingCheckpointIsNamed() {
        Result r = run("inspect", "--model", tmp.resolve("nope").toString(), "--text", "hi", "--json", tmp.resolve("o.json").toString());
        assertEquals(2, r.code());
        assertTrue(r.err().contains("nope") && r.err().contains("neither a known name"), r.err());
        assertNoOutput();
    }

    @Test
    void corruptCheckpointIsNamed() throws IOException {
        Path dir = copyTiny("tiny-bert");
        Path st = dir.resolve("model.safetensors");
        byte[] bytes = Files.readAllBytes(st);
        Files.write(st, java.util.Arrays.copyOf(bytes, bytes.length / 2));
        Result r = run("inspect", "--model", dir.toString(), "--text", "hi", "--json", tmp.resolve("o.json").toString());
        assertEquals(2, r.code());
        assertTrue(r.err().contains("model.safetensors") && r.err().contains("corrupt"), r.err());
        assertNoOutput();
    }

    @Test
    void unknownArchitectureIsNamed() throws IOException {
        Path dir = copyTiny("tiny-bert");
        Path cfg = dir.resolve("config.json");
        Files.writeString(cfg, Files.readString(cfg).replace("\"model_type\": \"bert\"", "\"model_type\": \"mamba\""));
        Result r = run("inspect", "--model", dir.toString(), "--text", "hi", "--json", tmp.resolve("o.json").toString());
        assertEquals(2, r.code());
        assertTrue(r.err().contains("unknown architecture") && r.err().contains("mamba"), r.err());
    }

    @Test
    void weightShapeMismatchNamesTheWeight() throws IOException {
        Path dir = copyTiny("tiny-bert");
        Path cfg = dir.resolve("config.json");
        Files.writeString(cfg, Files.readString(cfg).replace("\"intermediate_size\": 64", "\"intermediate_size\": 96"));
        Result r = run("inspect", "--model", dir.toString(), "--text", "hi", "--json", tmp.resolve("o.json").toString());
        assertEquals(2, r.code());
        assertTrue(r.err().contains("intermediate.dense.weight") && r.err().contains("[64, 32]")
                && r.err().contains("[96, 32]"), r.err());
    }

    @Test
    void emptyTextIsRefused() {
        Result r = run("inspect", "--model", "minilm-l6", "--text", "   ", "--json", tmp.resolve("o.json").toString());
        assertEquals(2, r.code());
        assertTrue(r.err().contains("empty"), r.err());
        assertNoOutput();
    }

    @Test
    void textLongerThanThePositionsIsRefusedWithAdvice() {
        String longText = "word ".repeat(600);
        Result r = run("inspect", "--model", "minilm-l6", "--text", longText, "--json", tmp.resolve("o.json").toString());
        assertEquals(2, r.code());
        assertTrue(r.err().contains("602 tokens") && r.err().contains("512 positions") && r.err().contains("window"), r.err());
        assertNoOutput();
    }

    @Test
    void nonUtf8InputFileIsNamedWithItsLine() throws IOException {
        Path in = tmp.resolve("texts.txt");
        Files.write(in, new byte[] {'o', 'k', '\n', 'b', 'a', 'd', (byte) 0xC3, (byte) 0x28, '\n'});
        Result r = run("inspect", "--model", "minilm-l6", "--input", in.toString(), "--json", tmp.resolve("o.json").toString());
        assertEquals(2, r.code());
        assertTrue(r.err().contains("texts.txt") && r.err().contains("not valid UTF-8") && r.err().contains("line 2"), r.err());
        assertNoOutput();
    }

    @Test
    void badUsageIsOneLineWithExitTwo() {
        Result missing = run("inspect", "--model", "minilm-l6", "--text", "hi");
        assertEquals(2, missing.code());
        assertEquals("error: inspect: Missing required option: '--json=OUT.json' (see 'inspect --help')",
                missing.err().strip());
        Result both = run("inspect", "--text", "hi", "--input", "x.txt", "--json", tmp.resolve("o.json").toString());
        assertEquals(2, both.code());
        assertTrue(both.err().startsWith("error: inspect: ") && both.err().contains("mutually exclusive"), both.err());
        Result typo = run("fill-mask", "--txt", "a [MASK].");
        assertEquals(2, typo.code());
        assertTrue(typo.err().contains("'--txt'") && typo.err().contains("did you mean --text?"), typo.err());
        assertEquals(1, typo.err().strip().lines().count(), typo.err());
        assertNoOutput();
    }

    @Test
    void helpListsTheOptionsWithTheirDefaults() {
        Result r = run("inspect", "--help");
        assertEquals(0, r.code(), r.err());
        for (String option : List.of("--model", "--device", "--text", "--input", "--json", "--batch-size", "--top",
                "--measure")) {
            assertTrue(r.out().contains(option), option + " in " + r.out());
        }
        assertTrue(r.out().contains("Default: minilm-l6") && r.out().contains("Default: 16"), r.out());
    }

    /** [layer][head][q][k] in row-major order. */
    private static float[] flat(float[][][][] a) {
        int n = 0;
        float[] out = new float[a.length * a[0].length * a[0][0].length * a[0][0][0].length];
        for (float[][][] layer : a) {
            for (float[][] head : layer) {
                for (float[] row : head) {
                    System.arraycopy(row, 0, out, n, row.length);
                    n += row.length;
                }
            }
        }
        return out;
    }

    private void assertNoOutput() {
        try (Stream<Path> files = Files.list(tmp)) {
            assertFalse(files.anyMatch(p -> p.getFileName().toString().contains("o.json")), "no partial output file");
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private Path copyTiny(String name) throws IOException {
        Path dir = tmp.resolve(name);
        Files.createDirectories(dir);
        for (String f : new String[] {"config.json", "model.safetensors"}) {
            Files.copy(Fixtures.tinyModel(name).resolve(f), dir.resolve(f));
            dir.resolve(f).toFile().setWritable(true);
        }
        return dir;
    }
}
