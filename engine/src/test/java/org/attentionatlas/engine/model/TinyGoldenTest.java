package org.attentionatlas.engine.model;

import ai.djl.Device;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.index.NDIndex;
import com.fasterxml.jackson.databind.JsonNode;
import org.attentionatlas.engine.config.HfConfigReader;
import org.attentionatlas.engine.config.ModelConfig;
import org.attentionatlas.engine.hooks.Captures;
import org.attentionatlas.engine.hooks.HookKind;
import org.attentionatlas.engine.hooks.HookPoint;
import org.attentionatlas.engine.hooks.Hooks;
import org.attentionatlas.engine.hooks.Stack;
import org.attentionatlas.engine.weights.SafetensorsReader;
import org.attentionatlas.testkit.Fixtures;
import org.attentionatlas.testkit.Golden;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;

/**
 * The tiny random HF models in fixtures/golden/tiny: attentions, hidden states and logits within 1e-5 of HF
 * transformers, for the three cases run as one right-padded batch and one by one.
 */
class TinyGoldenTest {

    private static final double TOL = 1e-5;

    @ParameterizedTest(name = "{0} batched={1}")
    @CsvSource({"tiny-bert,true", "tiny-bert,false", "tiny-roberta,true", "tiny-roberta,false",
            "tiny-gpt2,true", "tiny-gpt2,false", "tiny-t5,true", "tiny-t5,false"})
    void reproducesTransformers(String name, boolean batched) {
        Path dir = Fixtures.tinyModel(name);
        JsonNode golden = Golden.json(dir.resolve("golden.json"));
        ModelConfig config = HfConfigReader.read(dir.resolve("config.json"));
        try (Transformer model = Transformers.create(config, SafetensorsReader.readDirectory(dir), Device.cpu())) {
            List<JsonNode> cases = new ArrayList<>();
            golden.get("cases").forEach(cases::add);
            if (batched) {
                check(model, cases, name);
            } else {
                for (JsonNode c : cases) {
                    check(model, List.of(c), name);
                }
            }
        }
    }

    private static void check(Transformer model, List<JsonNode> cases, String name) {
        boolean t5 = model.config().architecture().isEncoderDecoder();
        try (NDManager batch = NDManager.newBaseManager(Device.cpu())) {
            List<int[]> ids = new ArrayList<>();
            List<int[]> decIds = new ArrayList<>();
            for (JsonNode c : cases) {
                ids.add(Golden.ints(c.get("input_ids")));
                if (t5) {
                    decIds.add(Golden.ints(c.get("decoder_input_ids")));
                }
            }
            // pad with id 0 as the golden batch was
            ForwardInput input = t5 ? PaddedBatch.of(batch, ids, decIds, 0) : PaddedBatch.of(batch, ids, 0);
            Hooks hooks = Hooks.create();
            Captures cap = Captures.of(batch, hooks, EnumSet.of(HookKind.PATTERN, HookKind.CROSS_PATTERN));
            ForwardOutput out = model.forward(batch, input, hooks);
            for (int b = 0; b < cases.size(); b++) {
                JsonNode c = cases.get(b);
                int n = ids.get(b).length;
                String tag = name + " case " + c.get("input_ids");
                if (!t5) {
                    assertAttentions(tag, cap, Stack.MAIN, c.get("attentions"), b, n, n, HookKind.PATTERN);
                    NDArray hidden = out.hidden().get(new NDIndex("{}, :{}", b, n));
                    Golden.assertClose(tag + " hidden", c.get("last_hidden_state"), hidden.toFloatArray(), TOL);
                    Golden.assertClose(tag + " logits", c.get("logits"), model.lmHead(hidden).toFloatArray(), TOL);
                } else {
                    int u = decIds.get(b).length;
                    assertAttentions(tag, cap, Stack.ENCODER, c.get("encoder_attentions"), b, n, n, HookKind.PATTERN);
                    assertAttentions(tag, cap, Stack.DECODER, c.get("decoder_attentions"), b, u, u, HookKind.PATTERN);
                    assertAttentions(tag, cap, Stack.DECODER, c.get("cross_attentions"), b, u, n, HookKind.CROSS_PATTERN);
                    NDArray enc = out.hidden().get(new NDIndex("{}, :{}", b, n));
                    Golden.assertClose(tag + " encoder hidden", c.get("encoder_last_hidden_state"), enc.toFloatArray(), TOL);
                    NDArray last = out.decoderHidden().get(new NDIndex("{}, {}", b, u - 1));
                    Golden.assertClose(tag + " last logits", c.get("logits_last"), model.lmHead(last).toFloatArray(), TOL);
                }
            }
        }
    }

    private static void assertAttentions(String tag, Captures cap, Stack stack, JsonNode expected, int b, int q, int k,
                                         HookKind kind) {
        for (int l = 0; l < expected.size(); l++) {
            NDArray pattern = cap.get(new HookPoint(stack, l, kind)).get(new NDIndex("{}, :, :{}, :{}", b, q, k));
            Golden.assertClose(tag + " " + new HookPoint(stack, l, kind), expected.get(l), pattern.toFloatArray(), TOL);
        }
    }
}
