package org.attentionatlas.engine.model;

import ai.djl.Device;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.index.NDIndex;
import ai.djl.ndarray.types.DataType;
import com.fasterxml.jackson.databind.JsonNode;
import org.attentionatlas.engine.config.HfConfigReader;
import org.attentionatlas.engine.config.ModelConfig;
import org.attentionatlas.engine.hooks.Captures;
import org.attentionatlas.engine.hooks.HookKind;
import org.attentionatlas.engine.hooks.HookPoint;
import org.attentionatlas.engine.hooks.Hooks;
import org.attentionatlas.engine.hooks.Stack;
import org.attentionatlas.engine.load.LoadedModel;
import org.attentionatlas.engine.load.ModelLoader;
import org.attentionatlas.engine.stats.AttentionStatistics;
import org.attentionatlas.engine.stats.AttentionStatisticsTest;
import org.attentionatlas.engine.stats.HeadStat;
import org.attentionatlas.engine.stats.HeadSums;
import org.attentionatlas.engine.tokenize.Encoding;
import org.attentionatlas.engine.weights.SafetensorsReader;
import org.attentionatlas.testkit.Fixtures;
import org.attentionatlas.testkit.Golden;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The fp16 path (meant for GPUs) runs the same code with half-precision weights and activations; here it runs on
 * the CPU against the fp32 golden attentions with a half-precision tolerance.
 */
class HalfPrecisionTest {

    @ParameterizedTest
    @ValueSource(strings = {"tiny-bert", "tiny-gpt2", "tiny-roberta", "tiny-t5"})
    void halfPrecisionAttentionsStayCloseToTheReference(String name) {
        Path dir = Fixtures.tinyModel(name);
        JsonNode cases = Golden.json(dir.resolve("golden.json")).get("cases");
        ModelConfig config = HfConfigReader.read(dir.resolve("config.json"));
        boolean t5 = config.architecture().isEncoderDecoder();
        try (Transformer model = Transformers.create(config, SafetensorsReader.readDirectory(dir), Device.cpu(), Precision.FP16);
             NDManager m = NDManager.newBaseManager(Device.cpu())) {
            assertEquals(Precision.FP16, model.precision());
            List<int[]> ids = new ArrayList<>();
            List<int[]> decIds = new ArrayList<>();
            cases.forEach(c -> ids.add(Golden.ints(c.get("input_ids"))));
            if (t5) {
                cases.forEach(c -> decIds.add(Golden.ints(c.get("decoder_input_ids"))));
            }
            Hooks hooks = Hooks.create();
            Captures cap = Captures.of(m, hooks, EnumSet.of(HookKind.PATTERN, HookKind.CROSS_PATTERN));
            model.forward(m, t5 ? PaddedBatch.of(m, ids, decIds, 0) : PaddedBatch.of(m, ids, 0), hooks);
            for (int b = 0; b < ids.size(); b++) {
                JsonNode c = cases.get(b);
                int n = ids.get(b).length;
                if (t5) {
                    int u = decIds.get(b).length;
                    assertHalfClose(name, cap, new HookPoint(Stack.ENCODER, 0, HookKind.PATTERN), c.get("encoder_attentions"), b, n, n);
                    assertHalfClose(name, cap, new HookPoint(Stack.DECODER, 0, HookKind.PATTERN), c.get("decoder_attentions"), b, u, u);
                    assertHalfClose(name, cap, new HookPoint(Stack.DECODER, 0, HookKind.CROSS_PATTERN), c.get("cross_attentions"), b, u, n);
                } else {
                    assertHalfClose(name, cap, new HookPoint(Stack.MAIN, 0, HookKind.PATTERN), c.get("attentions"), b, n, n);
                }
            }
        }
    }

    /** Every golden layer of {@code first}'s stack and kind: the fp16 [B, H, Q, K] capture within 2e-3 of fp32. */
    private static void assertHalfClose(String name, Captures cap, HookPoint first, JsonNode expected, int b, int q, int k) {
        for (int l = 0; l < expected.size(); l++) {
            HookPoint point = new HookPoint(first.stack(), l, first.kind());
            var pattern = cap.get(point);
            assertEquals(DataType.FLOAT16, pattern.getDataType());
            float[] got = pattern.get(new NDIndex("{}, :, :{}, :{}", b, q, k)).toType(DataType.FLOAT32, false).toFloatArray();
            Golden.assertClose(name + " fp16 " + point, expected.get(l), got, 2e-3);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"tiny-bert", "tiny-t5"})
    void statisticsOfAHalfPrecisionModelMatchFullPrecision(String name) {
        String dir = Fixtures.tinyModel(name).toString();
        List<Encoding> batch = List.of(
                AttentionStatisticsTest.encoding("[CLS]", "the", "doctor", ",", "she", "said", ".", "[SEP]"),
                AttentionStatisticsTest.encoding("[CLS]", "hi", "!", "[SEP]"));
        try (LoadedModel full = ModelLoader.withDefaultStore().load(dir, Device.cpu(), Precision.FP32);
             LoadedModel half = ModelLoader.withDefaultStore().load(dir, Device.cpu(), Precision.FP16);
             AttentionStatistics fullStats = new AttentionStatistics(full);
             AttentionStatistics halfStats = new AttentionStatistics(half)) {
            int layers = full.config().layers();
            int heads = full.config().heads();
            HeadSums a = new HeadSums(layers, heads);
            HeadSums b = new HeadSums(layers, heads);
            fullStats.run(batch).forEach(a::add);
            halfStats.run(batch).forEach(b::add);
            assertEquals(12, b.queryTokens(), name + ": every real query token counted");
            for (HeadStat stat : HeadStat.values()) {
                for (int l = 0; l < layers; l++) {
                    for (int h = 0; h < heads; h++) {
                        assertEquals(a.mean(stat, l, h), b.mean(stat, l, h), 5e-3, name + " " + stat + " L" + l + "H" + h);
                    }
                }
            }
        }
    }

    @Test
    void fp16IsChosenOnlyForGpus() {
        assertEquals(Precision.FP32, Precision.choose(true, Device.cpu()));
        assertEquals(Precision.FP32, Precision.choose(false, Device.gpu()));
        assertEquals(Precision.FP16, Precision.choose(true, Device.gpu()));
    }
}
