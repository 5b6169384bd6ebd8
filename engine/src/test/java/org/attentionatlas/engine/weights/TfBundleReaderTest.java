package org.attentionatlas.engine.weights;

import org.attentionatlas.engine.config.ModelConfig;
import org.attentionatlas.engine.config.TfConfigInference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class TfBundleReaderTest {

    private static final Map<String, Checkpoint> LOADED = new ConcurrentHashMap<>();

    private static Checkpoint load(String name) {
        return LOADED.computeIfAbsent(name, n -> {
            long t0 = System.nanoTime();
            Checkpoint c = TfBundleReader.read(RealCheckpoints.directory(n));
            System.out.printf("[TfBundleReaderTest] %s: %d tensors in %.0f ms%n", n, c.weights().size(),
                    (System.nanoTime() - t0) / 1e6);
            return c;
        });
    }

    private static Path index(String name) {
        return RealCheckpoints.directory(name).resolve("variables/variables.index");
    }

    private static Path data(String name) {
        return RealCheckpoints.directory(name).resolve("variables/variables.data-00000-of-00001");
    }

    @ParameterizedTest
    @ValueSource(strings = {"bert-base-uncased", "mbert-cased"})
    void namesAndShapesEqualTheMappingTable(String name) {
        Checkpoint c = load(name);
        RealCheckpoints.assertMatchesTable(name, c.weights());
        assertEquals(List.of(), c.skipped());
        assertFalse(c.weights().contains("cls.predictions.decoder.weight"), "the decoder is tied, not invented");
        long vocab = RealCheckpoints.EXPECTED.get(name).vocab();
        assertArrayEquals(new long[] {vocab}, c.weights().get("cls.predictions.bias").shape());
        assertArrayEquals(new long[] {vocab, 768}, c.weights().get("embeddings.word_embeddings.weight").shape());
    }

    /** Every index key is in the table, and the mapper gives the table's HF name and transpose flag. */
    @ParameterizedTest
    @ValueSource(strings = {"bert-base-uncased", "mbert-cased"})
    void sourceNamesMapAsTheTableSays(String name) {
        List<RealCheckpoints.Row> rows = RealCheckpoints.mapping(name);
        Set<String> keys = SsTableReader.read(index(name)).stream().map(SsTableReader.Entry::keyString)
                .filter(k -> !k.isEmpty()).collect(Collectors.toCollection(TreeSet::new));
        assertEquals(rows.stream().map(RealCheckpoints.Row::sourceName).collect(Collectors.toCollection(TreeSet::new)), keys);
        for (RealCheckpoints.Row r : rows) {
            TfNameMapper.Mapping m = TfNameMapper.map(r.sourceName());
            assertEquals(r.hfName(), m.hfName(), r.sourceName());
            assertEquals(r.transpose(), m.transpose(), r.sourceName());
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"bert-base-uncased", "mbert-cased"})
    void inferredConfigEqualsReadmeTable(String name) {
        assertEquals(RealCheckpoints.EXPECTED.get(name), load(name).config());
    }

    /** Kernels against the raw data file, read float by float with RandomAccessFile (a path independent of the reader). */
    @ParameterizedTest
    @ValueSource(strings = {"bert-base-uncased", "mbert-cased"})
    void kernelsAreTransposedAndOtherTensorsCopiedVerbatim(String name) throws IOException {
        Map<String, BundleEntry> entries = new java.util.HashMap<>();
        for (SsTableReader.Entry e : SsTableReader.read(index(name))) {
            if (e.key().length > 0) {
                entries.put(e.keyString(), BundleEntry.parse(e.keyString(), e.value(), index(name)));
            }
        }
        WeightMap w = load(name).weights();
        try (RandomAccessFile raf = new RandomAccessFile(data(name).toFile(), "r")) {
            int[][] samples = {{0, 0}, {0, 1}, {1, 0}, {5, 700}, {700, 5}, {767, 767}, {123, 456}};
            for (String layerKernel : List.of("encoder/layer_3/attention/self/query/kernel",
                    "encoder/layer_11/attention/output/dense/kernel")) {
                BundleEntry e = entries.get("module/bert/" + layerKernel);
                HostTensor hf = w.get(TfNameMapper.map(e.name()).hfName(), 768, 768);
                for (int[] s : samples) {
                    int i = s[0];
                    int o = s[1];
                    assertEquals(rawFloat(raf, e, i * 768L + o), hf.data()[o * 768 + i], e.name() + " [" + i + "][" + o + "]");
                }
                assertTrue(hf.data()[1] != hf.data()[768], "not symmetric, so a missing transpose would show");
            }
            // rectangular: TF [768, 3072] -> HF [3072, 768] and TF [3072, 768] -> HF [768, 3072]
            BundleEntry inter = entries.get("module/bert/encoder/layer_0/intermediate/dense/kernel");
            HostTensor interHf = w.get("encoder.layer.0.intermediate.dense.weight", 3072, 768);
            BundleEntry out = entries.get("module/bert/encoder/layer_0/output/dense/kernel");
            HostTensor outHf = w.get("encoder.layer.0.output.dense.weight", 768, 3072);
            for (int[] s : new int[][] {{0, 0}, {1, 2}, {767, 3071}, {400, 2999}, {17, 1}}) {
                int i = s[0];
                int o = s[1];
                assertEquals(rawFloat(raf, inter, i * 3072L + o), interHf.data()[o * 768 + i], "intermediate");
                assertEquals(rawFloat(raf, out, (long) o * 768 + i), outHf.data()[i * 3072 + o], "output");
            }
            BundleEntry words = entries.get("module/bert/embeddings/word_embeddings");
            float[] wordsHf = w.get("embeddings.word_embeddings.weight").data();
            for (long k : new long[] {0, 1, 768 * 101 + 3, wordsHf.length - 1}) {
                assertEquals(rawFloat(raf, words, k), wordsHf[(int) k], "word_embeddings " + k);
            }
            BundleEntry bias = entries.get("module/cls/predictions/output_bias");
            float[] biasHf = w.get("cls.predictions.bias").data();
            assertEquals(rawFloat(raf, bias, 103), biasHf[103]);
            assertEquals(rawFloat(raf, bias, biasHf.length - 1), biasHf[biasHf.length - 1]);
        }
    }

    private static float rawFloat(RandomAccessFile raf, BundleEntry e, long index) throws IOException {
        raf.seek(e.offset() + 4 * index);
        return Float.intBitsToFloat(Integer.reverseBytes(raf.readInt()));
    }

    // ---- heads ----

    @Test
    void headsComeFromTheCallerThenModelJsonThenDefault(@TempDir Path tmp) throws IOException {
        WeightMap w = load("bert-base-uncased").weights();
        ModelConfig eight = TfConfigInference.infer(w, 8);
        assertEquals(8, eight.heads());
        assertEquals(96, eight.headDim());
        CheckpointException bad = assertThrows(CheckpointException.class, () -> TfConfigInference.infer(w, 7));
        assertTrue(bad.getMessage().contains("7 attention heads"), bad.getMessage());

        assertEquals(OptionalInt.empty(), TfConfigInference.headsFromModelJson(
                RealCheckpoints.directory("bert-base-uncased").resolve("model.json")));
        Path json = Files.writeString(tmp.resolve("model.json"), "{\"num_attention_heads\": 16}");
        assertEquals(OptionalInt.of(16), TfConfigInference.headsFromModelJson(json));

        // plumbing through TfBundleReader.read on a tiny synthetic model: hidden 4, 1 layer
        Path model = tmp.resolve("tiny");
        TestBundles.writeBundle(model.resolve("variables"), tinyBert());
        assertEquals(12, TfConfigInference.DEFAULT_HEADS);
        assertEquals(2, TfBundleReader.read(model, 2).config().heads());
        Files.writeString(model.resolve("model.json"), "{\"num_attention_heads\": 4}");
        assertEquals(4, TfBundleReader.read(model).config().heads());
        assertEquals(1, TfBundleReader.read(model, 1).config().heads(), "the caller wins over model.json");
    }

    /** The smallest BERT-shaped bundle: vocab 3, hidden 4, intermediate 6, one layer (q kernel only), positions 5. */
    private static List<TestBundles.Var> tinyBert() {
        List<TestBundles.Var> vars = new ArrayList<>();
        vars.add(TestBundles.Var.floats("bert/embeddings/word_embeddings", new long[] {3, 4}, new float[12]));
        vars.add(TestBundles.Var.floats("bert/embeddings/position_embeddings", new long[] {5, 4}, new float[20]));
        vars.add(TestBundles.Var.floats("bert/embeddings/token_type_embeddings", new long[] {2, 4}, new float[8]));
        vars.add(TestBundles.Var.floats("bert/encoder/layer_0/intermediate/dense/kernel", new long[] {4, 6},
                0, 1, 2, 3, 4, 5, 10, 11, 12, 13, 14, 15, 20, 21, 22, 23, 24, 25, 30, 31, 32, 33, 34, 35));
        return vars;
    }

    @Test
    void syntheticBundleWithoutModulePrefixIsTransposedAndSkipsTrainingState(@TempDir Path tmp) throws IOException {
        List<TestBundles.Var> vars = tinyBert();
        vars.add(TestBundles.Var.int64("global_step", 1000));
        vars.add(TestBundles.Var.floats("bert/encoder/layer_0/intermediate/dense/kernel/adam_m", new long[] {2}, 1, 2));
        vars.add(TestBundles.Var.floats("bert/encoder/layer_0/intermediate/dense/kernel/adam_v", new long[] {2}, 1, 2));
        TestBundles.writeBundle(tmp.resolve("variables"), vars);
        Checkpoint c = TfBundleReader.read(tmp, 2);
        assertEquals(4, c.weights().size());
        HostTensor k = c.weights().get("encoder.layer.0.intermediate.dense.weight", 6, 4);
        assertArrayEquals(new float[] {0, 10, 20, 30, 1, 11, 21, 31, 2, 12, 22, 32, 3, 13, 23, 33, 4, 14, 24, 34, 5, 15, 25, 35},
                k.data());
        assertEquals(3, c.skipped().size(), c.skipped().toString());
        assertTrue(c.skipped().stream().anyMatch(s -> s.startsWith("global_step: ") && s.contains("DT_INT64")), c.skipped().toString());
        assertTrue(c.skipped().stream().filter(s -> s.contains("optimizer slot")).count() == 2, c.skipped().toString());
        assertEquals(6, c.config().intermediate());
        assertEquals(1, c.config().layers());
    }

    // ---- failures ----

    @Test
    void nonFloatModelWeightIsRejected(@TempDir Path tmp) throws IOException {
        List<TestBundles.Var> vars = tinyBert();
        vars.add(new TestBundles.Var("bert/pooler/dense/bias", 19 /* DT_HALF */, new long[] {4}, new byte[8]));
        Path index = TestBundles.writeBundle(tmp.resolve("variables"), vars);
        CheckpointException e = assertThrows(CheckpointException.class, () -> TfBundleReader.read(tmp, 2));
        assertTrue(e.getMessage().contains(index.toString()) && e.getMessage().contains("DT_HALF")
                && e.getMessage().contains("bert/pooler/dense/bias"), e.getMessage());
    }

    @Test
    void truncatedIndexFailsNamingTheFile(@TempDir Path tmp) throws IOException {
        Path src = index("bert-base-uncased");
        for (long cut : new long[] {Files.size(src) / 2, Files.size(src) - 1, 20}) {
            Path dir = tmp.resolve("cut" + cut).resolve("variables");
            Path copy = RealCheckpoints.truncatedCopy(src, dir.resolve("variables.index"), cut);
            CheckpointException e = assertThrows(CheckpointException.class, () -> TfBundleReader.read(dir.getParent()));
            assertTrue(e.getMessage().contains(copy.toString()), e.getMessage());
            assertTrue(e.getMessage().contains("magic") || e.getMessage().contains("shorter than"), e.getMessage());
        }
    }

    @Test
    void missingFilesFail(@TempDir Path tmp) throws IOException {
        CheckpointException none = assertThrows(CheckpointException.class, () -> TfBundleReader.read(tmp.resolve("nothing")));
        assertTrue(none.getMessage().contains("nothing") && none.getMessage().contains("not found"), none.getMessage());

        Path vars = Files.createDirectories(tmp.resolve("m/variables"));
        Files.copy(index("bert-base-uncased"), vars.resolve("variables.index"));
        CheckpointException noData = assertThrows(CheckpointException.class, () -> TfBundleReader.read(tmp.resolve("m")));
        assertTrue(noData.getMessage().contains(vars.resolve("variables.data-00000-of-00001").toString())
                && noData.getMessage().contains("not found"), noData.getMessage());
    }

    @Test
    void tensorDataPastTheEndOfTheDataFileFails(@TempDir Path tmp) throws IOException {
        Path vars = Files.createDirectories(tmp.resolve("variables"));
        Files.copy(index("bert-base-uncased"), vars.resolve("variables.index"));
        Path cut = RealCheckpoints.truncatedCopy(data("bert-base-uncased"), vars.resolve("variables.data-00000-of-00001"),
                1 << 20);
        CheckpointException e = assertThrows(CheckpointException.class, () -> TfBundleReader.read(tmp));
        assertTrue(e.getMessage().contains(cut.toString()) && e.getMessage().contains("truncated")
                && e.getMessage().contains("1048576 bytes"), e.getMessage());
    }

    @Test
    void corruptedTensorBytesFailTheChecksum(@TempDir Path tmp) throws IOException {
        BundleEntry first = null;
        for (SsTableReader.Entry e : SsTableReader.read(index("bert-base-uncased"))) {
            if (e.key().length > 0) {
                first = BundleEntry.parse(e.keyString(), e.value(), index("bert-base-uncased"));
                break;
            }
        }
        assertEquals("module/bert/embeddings/LayerNorm/beta", first.name());
        assertTrue(first.crc32c() != null, "the real bundle stores checksums");
        Path vars = Files.createDirectories(tmp.resolve("variables"));
        Files.copy(index("bert-base-uncased"), vars.resolve("variables.index"));
        Path copy = RealCheckpoints.truncatedCopy(data("bert-base-uncased"), vars.resolve("variables.data-00000-of-00001"),
                first.offset() + first.size());
        try (RandomAccessFile raf = new RandomAccessFile(copy.toFile(), "rw")) {
            raf.seek(first.offset() + 17);
            int b = raf.read();
            raf.seek(first.offset() + 17);
            raf.write(b ^ 0x40);
        }
        CheckpointException e = assertThrows(CheckpointException.class, () -> TfBundleReader.read(tmp));
        assertTrue(e.getMessage().contains(copy.toString()) && e.getMessage().contains("CRC32C")
                && e.getMessage().contains(first.name()), e.getMessage());
    }
}
