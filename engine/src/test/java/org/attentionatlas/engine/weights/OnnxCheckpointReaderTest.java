package org.attentionatlas.engine.weights;

import com.google.protobuf.ByteString;
import com.google.protobuf.CodedOutputStream;
import org.attentionatlas.engine.config.Activation;
import org.attentionatlas.engine.config.ModelConfig;
import org.attentionatlas.engine.config.OnnxConfigInference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class OnnxCheckpointReaderTest {

    private static final Map<String, Checkpoint> LOADED = new ConcurrentHashMap<>();

    private static Path modelFile(String name) {
        return RealCheckpoints.directory(name).resolve("model.onnx");
    }

    private static Checkpoint load(String name) {
        return LOADED.computeIfAbsent(name, n -> {
            long t0 = System.nanoTime();
            Checkpoint c = OnnxCheckpointReader.read(RealCheckpoints.directory(n));
            System.out.printf("[OnnxCheckpointReaderTest] %s: %d tensors in %.0f ms%n", n, c.weights().size(),
                    (System.nanoTime() - t0) / 1e6);
            return c;
        });
    }

    @ParameterizedTest
    @ValueSource(strings = {"minilm-l6", "bge-small-zh"})
    void namesAndShapesEqualTheMappingTable(String name) {
        Checkpoint c = load(name);
        RealCheckpoints.assertMatchesTable(name, c.weights());
        for (String s : c.skipped()) {
            assertTrue(s.startsWith("embeddings.position_ids:"), "only the position-id buffer may be skipped: " + s);
        }
        assertFalse(c.weights().contains("embeddings.position_ids"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"minilm-l6", "bge-small-zh"})
    void sourceNamesMapAsTheTableSays(String name) {
        OnnxGraph graph = OnnxModelProto.read(modelFile(name));
        Map<String, OnnxTensor> byName = new java.util.HashMap<>();
        graph.initializers().forEach(t -> byName.put(t.name(), t));
        for (RealCheckpoints.Row r : RealCheckpoints.mapping(name)) {
            OnnxTensor t = byName.get(r.sourceName());
            assertTrue(t != null, name + ": initializer " + r.sourceName() + " missing");
            assertArrayEquals(r.sourceShape(), t.dims(), r.sourceName());
            if (r.sourceName().startsWith("onnx::")) {
                assertTrue(r.transpose(), r.sourceName());
                assertEquals(r.hfName(), OnnxWeightNamer.matMulWeightName(graph, t), r.sourceName());
            } else {
                assertFalse(r.transpose(), r.sourceName());
                assertEquals(r.hfName(), r.sourceName());
            }
        }
    }

    @Test
    void miniLmHasExactlyTheNamesTheRulesGive() {
        Set<String> expected = new TreeSet<>(List.of("embeddings.word_embeddings.weight",
                "embeddings.position_embeddings.weight", "embeddings.token_type_embeddings.weight",
                "embeddings.LayerNorm.weight", "embeddings.LayerNorm.bias"));
        for (int l = 0; l < 6; l++) {
            String p = "encoder.layer." + l + ".";
            for (String m : List.of("attention.self.query", "attention.self.key", "attention.self.value",
                    "attention.output.dense", "intermediate.dense", "output.dense", "attention.output.LayerNorm",
                    "output.LayerNorm")) {
                expected.add(p + m + ".weight");
                expected.add(p + m + ".bias");
            }
        }
        assertEquals(6 * 16 + 5, expected.size());
        WeightMap w = load("minilm-l6").weights();
        assertEquals(expected, new TreeSet<>(w.names()));
        assertArrayEquals(new long[] {1536, 384}, w.get("encoder.layer.5.intermediate.dense.weight").shape());
        assertArrayEquals(new long[] {384, 1536}, w.get("encoder.layer.5.output.dense.weight").shape());
        assertEquals(List.of("embeddings.position_ids: position-id buffer, not a weight"), load("minilm-l6").skipped());
    }

    @ParameterizedTest
    @ValueSource(strings = {"minilm-l6", "bge-small-zh"})
    void inferredConfigEqualsReadmeTable(String name) {
        ModelConfig c = load(name).config();
        assertEquals(RealCheckpoints.EXPECTED.get(name), c);
        assertEquals(Activation.GELU_ERF, c.activation());
        assertEquals(1e-12, c.eps());
    }

    /** Every element of transposed MatMul weights against the raw initializer, read element by element. */
    @ParameterizedTest
    @ValueSource(strings = {"minilm-l6", "bge-small-zh"})
    void matMulWeightsAreTheTransposeOfTheInitializers(String name) {
        OnnxGraph graph = OnnxModelProto.read(modelFile(name));
        WeightMap w = load(name).weights();
        int checked = 0;
        for (RealCheckpoints.Row r : RealCheckpoints.mapping(name)) {
            if (!r.hfName().startsWith("encoder.layer.1.") || !r.transpose()) {
                continue;
            }
            OnnxTensor raw = graph.initializers().stream().filter(t -> t.name().equals(r.sourceName())).findFirst()
                    .orElseThrow();
            var bytes = raw.rawData().duplicate().order(ByteOrder.LITTLE_ENDIAN);
            int in = (int) raw.dims()[0];
            int out = (int) raw.dims()[1];
            HostTensor hf = w.get(r.hfName());
            assertArrayEquals(new long[] {out, in}, hf.shape(), r.hfName());
            for (int i = 0; i < in; i++) {
                for (int o = 0; o < out; o++) {
                    float expected = bytes.getFloat(4 * (i * out + o));
                    if (Float.floatToRawIntBits(expected) != Float.floatToRawIntBits(hf.data()[o * in + i])) {
                        assertEquals(expected, hf.data()[o * in + i], r.hfName() + "[" + o + "][" + i + "]");
                    }
                }
            }
            checked++;
        }
        assertEquals(6, checked, "q, k, v, attention.output, intermediate, output of layer 1");
        // the check can fail: the stored matrices are not symmetric, so a missing transpose would be caught
        HostTensor q = w.get("encoder.layer.1.attention.self.query.weight");
        int n = (int) q.dim(0);
        assertTrue(q.data()[1] != q.data()[n], "query weight is not symmetric");
    }

    @Test
    void untransposedWeightsAreCopiedVerbatim() {
        OnnxGraph graph = OnnxModelProto.read(modelFile("minilm-l6"));
        OnnxTensor raw = graph.initializers().stream().filter(t -> t.name().equals("embeddings.word_embeddings.weight"))
                .findFirst().orElseThrow();
        var bytes = raw.rawData().duplicate().order(ByteOrder.LITTLE_ENDIAN);
        float[] hf = load("minilm-l6").weights().get("embeddings.word_embeddings.weight").data();
        for (int i : new int[] {0, 1, 383, 384, 101 * 384 + 5, hf.length - 1}) {
            assertEquals(bytes.getFloat(4 * i), hf[i], "word_embeddings flat index " + i);
        }
        assertTrue(hf[101 * 384 + 5] != 0f);
    }

    // ---- config inference robustness ----

    @Test
    void headsFallBackToTheScaleConstantWhenTheNamedConstantsAreMissing() {
        OnnxGraph graph = OnnxModelProto.read(modelFile("minilm-l6"));
        WeightMap w = load("minilm-l6").weights();
        OnnxGraph withoutNamed = without(graph, "/encoder/layer.0/attention/self/Constant_10",
                "/encoder/layer.0/attention/self/Constant_11");
        ModelConfig c = OnnxConfigInference.infer(withoutNamed, w);
        assertEquals(12, c.heads());
        assertEquals(32, c.headDim());

        OnnxGraph withoutAny = without(withoutNamed, "/encoder/layer.0/attention/self/Constant_12",
                "/encoder/layer.0/attention/self/Div");
        CheckpointException e = assertThrows(CheckpointException.class, () -> OnnxConfigInference.infer(withoutAny, w));
        assertTrue(e.getMessage().contains("Constant_10") && e.getMessage().contains("Constant_11")
                && e.getMessage().contains("Constant_12"), e.getMessage());
        assertTrue(e.getMessage().contains(modelFile("minilm-l6").toString()), e.getMessage());
    }

    @Test
    void aScaleThatContradictsTheHeadWidthIsRejected() {
        OnnxGraph graph = OnnxModelProto.read(modelFile("bge-small-zh"));
        WeightMap w = load("bge-small-zh").weights();
        List<OnnxNode> nodes = new ArrayList<>();
        for (OnnxNode n : graph.nodes()) {
            if (n.name().equals("/encoder/layer.0/attention/self/Constant_12")) {
                OnnxTensor scale = new OnnxTensor("", new long[0], OnnxTensor.FLOAT, null, new float[] {5.656854f}, null, false);
                n = new OnnxNode(n.name(), n.opType(), n.inputs(), n.outputs(),
                        Map.of("value", new OnnxAttribute("value", 0, 0, null, scale, new long[0])));
            }
            nodes.add(n);
        }
        OnnxGraph edited = new OnnxGraph(graph.file(), nodes, graph.initializers());
        CheckpointException e = assertThrows(CheckpointException.class, () -> OnnxConfigInference.infer(edited, w));
        assertTrue(e.getMessage().contains("√64"), e.getMessage());
    }

    private static OnnxGraph without(OnnxGraph g, String... nodeNames) {
        Set<String> drop = Set.of(nodeNames);
        List<OnnxNode> kept = g.nodes().stream().filter(n -> !drop.contains(n.name())).toList();
        assertEquals(g.nodes().size() - drop.size(), kept.size(), "all nodes to drop exist");
        return new OnnxGraph(g.file(), kept, g.initializers());
    }

    // ---- failures ----

    @ParameterizedTest
    @ValueSource(longs = {1, 100, 45_000_000, -1})
    void truncatedFileFailsNamingTheFile(long cut, @TempDir Path tmp) throws IOException {
        Path src = modelFile("minilm-l6");
        long bytes = cut > 0 ? cut : Files.size(src) + cut;
        Path copy = RealCheckpoints.truncatedCopy(src, tmp.resolve("cut.onnx"), bytes);
        CheckpointException e = assertThrows(CheckpointException.class, () -> OnnxCheckpointReader.read(copy));
        assertTrue(e.getMessage().contains(copy.toString()), e.getMessage());
        assertTrue(e.getMessage().contains("corrupt"), e.getMessage());
    }

    @Test
    void missingFileFails(@TempDir Path tmp) {
        CheckpointException e = assertThrows(CheckpointException.class,
                () -> OnnxCheckpointReader.read(tmp.resolve("nope.onnx")));
        assertTrue(e.getMessage().contains("nope.onnx") && e.getMessage().contains("not found"), e.getMessage());
        CheckpointException dir = assertThrows(CheckpointException.class, () -> OnnxCheckpointReader.read(tmp));
        assertTrue(dir.getMessage().contains(tmp.resolve("model.onnx").toString()), dir.getMessage());
    }

    @Test
    void emptyAndNonProtobufFilesFail(@TempDir Path tmp) throws IOException {
        Path empty = Files.write(tmp.resolve("empty.onnx"), new byte[0]);
        assertTrue(assertThrows(CheckpointException.class, () -> OnnxCheckpointReader.read(empty)).getMessage()
                .contains("empty.onnx"));
        Path text = Files.writeString(tmp.resolve("text.onnx"), "this is not a protobuf file at all\n");
        CheckpointException e = assertThrows(CheckpointException.class, () -> OnnxCheckpointReader.read(text));
        assertTrue(e.getMessage().contains("text.onnx") && e.getMessage().contains("corrupt"), e.getMessage());
    }

    @Test
    void externalDataIsRejected(@TempDir Path tmp) throws IOException {
        byte[] tensor = message(o -> {
            o.writeInt64(1, 4);
            o.writeInt32(2, OnnxTensor.FLOAT);
            o.writeString(8, "embeddings.word_embeddings.weight");
            o.writeByteArray(13, message(kv -> {
                kv.writeString(1, "location");
                kv.writeString(2, "weights.bin");
            }));
            o.writeInt32(14, 1);
        });
        Path file = writeModel(tmp.resolve("ext.onnx"), tensor);
        CheckpointException e = assertThrows(CheckpointException.class, () -> OnnxCheckpointReader.read(file));
        assertTrue(e.getMessage().contains("ext.onnx") && e.getMessage().contains("external"), e.getMessage());
    }

    @Test
    void float16WeightsAreRejected(@TempDir Path tmp) throws IOException {
        byte[] tensor = message(o -> {
            o.writeInt64(1, 2);
            o.writeInt32(2, 10); // FLOAT16
            o.writeString(8, "embeddings.LayerNorm.weight");
            o.writeBytes(9, ByteString.copyFrom(new byte[4]));
        });
        Path file = writeModel(tmp.resolve("half.onnx"), tensor);
        CheckpointException e = assertThrows(CheckpointException.class, () -> OnnxCheckpointReader.read(file));
        assertTrue(e.getMessage().contains("half.onnx") && e.getMessage().contains("FLOAT16"), e.getMessage());
    }

    @Test
    void rawDataShorterThanTheShapeIsCorrupt(@TempDir Path tmp) throws IOException {
        byte[] tensor = message(o -> {
            o.writeInt64(1, 3);
            o.writeInt32(2, OnnxTensor.FLOAT);
            o.writeString(8, "embeddings.LayerNorm.weight");
            o.writeBytes(9, ByteString.copyFrom(new byte[8]));
        });
        Path file = writeModel(tmp.resolve("short.onnx"), tensor);
        CheckpointException e = assertThrows(CheckpointException.class, () -> OnnxCheckpointReader.read(file));
        assertTrue(e.getMessage().contains("short.onnx") && e.getMessage().contains("8 bytes"), e.getMessage());
    }

    @Test
    void decoderReadsPackedAndUnpackedFields() {
        byte[] tensor = message(o -> {
            o.writeInt64(1, 2); // unpacked dims
            o.writeInt32(2, OnnxTensor.FLOAT);
            o.writeString(8, "t");
            o.writeFloat(4, 1.5f); // unpacked float_data
            o.writeFloat(4, -2f);
        });
        byte[] packed = message(o -> {
            o.writeByteArray(1, message(d -> { // packed dims [1, 2]
                d.writeInt64NoTag(1);
                d.writeInt64NoTag(2);
            }));
            o.writeInt32(2, OnnxTensor.INT64);
            o.writeString(8, "p");
            o.writeByteArray(7, message(d -> {
                d.writeInt64NoTag(-3);
                d.writeInt64NoTag(40_000_000_000L);
            }));
        });
        byte[] graph = message(g -> {
            g.writeByteArray(5, tensor);
            g.writeByteArray(5, packed);
        });
        OnnxGraph decoded = OnnxModelProto.decode(Path.of("mem.onnx"), message(m -> {
            m.writeInt64(1, 8); // ir_version, skipped
            m.writeByteArray(7, graph);
        }));
        assertArrayEquals(new float[] {1.5f, -2f}, decoded.initializers().get(0).floats());
        assertArrayEquals(new long[] {1, 2}, decoded.initializers().get(1).dims());
        assertArrayEquals(new long[] {-3, 40_000_000_000L}, decoded.initializers().get(1).longs());
    }

    // ---- tiny protobuf writer for synthetic models ----

    interface Body {
        void write(CodedOutputStream o) throws IOException;
    }

    static byte[] message(Body body) {
        try {
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            CodedOutputStream o = CodedOutputStream.newInstance(bytes);
            body.write(o);
            o.flush();
            return bytes.toByteArray();
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static Path writeModel(Path file, byte[] initializer) throws IOException {
        byte[] graph = message(g -> g.writeByteArray(5, initializer));
        return Files.write(file, message(m -> m.writeByteArray(7, graph)));
    }
}
