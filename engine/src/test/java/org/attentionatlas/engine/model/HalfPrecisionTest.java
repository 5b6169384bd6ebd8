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
import org.attentionatlas.engine.testing.Golden;
import org.attentionatlas.engine.tokenize.Encoding;
import org.attentionatlas.engine.weights.SafetensorsReader;
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
    @ValueSource(strings = {"tiny-bert", "tiny-gpt2", "tiny-roberta"})
    void halfPrecisionAttentionsStayCloseToTheReference(String name) {
        Path dir = Golden.tinyModel(name);
        JsonNode cases = Golden.json(dir.resolve("golden.json")).get("cases");
        ModelConfig config = HfConfigReader.read(dir.resolve("config.json"));
        try (Transformer model = Transformers.create(config, SafetensorsReader.readDirectory(dir), Device.cpu(), Precision.FP16);
             NDManager m = NDManager.newBaseManager(Device.cpu())) {
            assertEquals(Precision.FP16, model.precision());
            List<int[]> ids = new ArrayList<>();
            cases.forEach(c -> ids.add(Golden.ints(c.get("input_ids"))));
            Hooks hooks = Hooks.create();
            Captures cap = Captures.of(m, hooks, EnumSet.of(HookKind.PATTERN));
            model.forward(m, PaddedBatch.of(m, ids, 0), hooks);
            for (int b = 0; b < ids.size(); b++) {
                int n = ids.get(b).length;
                for (int l = 0; l < config.layers(); l++) {
                    var pattern = cap.get(new HookPoint(Stack.MAIN, l, HookKind.PATTERN));
                    assertEquals(DataType.FLOAT16, pattern.getDataType());
                    float[] got = pattern.get(new NDIndex("{}, :, :{}, :{}", b, n, n)).toType(DataType.FLOAT32, false).toFloatArray();
                    Golden.assertClose(name + " fp16 layer " + l, cases.get(b).get("attentions").get(l), got, 2e-3);
                }
            }
        }
    }

    @Test
    void statisticsOfAHalfPrecisionModelMatchFullPrecision() {
        String dir = Golden.tinyModel("tiny-bert").toString();
        List<Encoding> batch = List.of(
                AttentionStatisticsTest.encoding("[CLS]", "the", "doctor", ",", "she", "said", ".", "[SEP]"),
                AttentionStatisticsTest.encoding("[CLS]", "hi", "!", "[SEP]"));
        try (LoadedModel full = ModelLoader.withDefaultStore().load(dir, Device.cpu(), Precision.FP32);
             LoadedModel half = ModelLoader.withDefaultStore().load(dir, Device.cpu(), Precision.FP16);
             AttentionStatistics fullStats = new AttentionStatistics(full);
             AttentionStatistics halfStats = new AttentionStatistics(half)) {
            HeadSums a = new HeadSums(2, 4);
            HeadSums b = new HeadSums(2, 4);
            fullStats.run(batch).forEach(a::add);
            halfStats.run(batch).forEach(b::add);
            for (HeadStat stat : HeadStat.values()) {
                for (int l = 0; l < 2; l++) {
                    for (int h = 0; h < 4; h++) {
                        assertEquals(a.mean(stat, l, h), b.mean(stat, l, h), 5e-3, stat + " L" + l + "H" + h);
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
