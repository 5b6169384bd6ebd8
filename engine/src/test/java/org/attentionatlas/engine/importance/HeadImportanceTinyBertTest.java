package org.attentionatlas.engine.importance;

import ai.djl.Device;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.index.NDIndex;
import com.fasterxml.jackson.databind.JsonNode;
import org.attentionatlas.engine.config.HfConfigReader;
import org.attentionatlas.engine.hooks.Captures;
import org.attentionatlas.engine.hooks.HeadGates;
import org.attentionatlas.engine.hooks.HookKind;
import org.attentionatlas.engine.hooks.Hooks;
import org.attentionatlas.engine.hooks.Stack;
import org.attentionatlas.engine.model.ForwardOutput;
import org.attentionatlas.engine.model.PaddedBatch;
import org.attentionatlas.engine.model.Transformer;
import org.attentionatlas.engine.model.Transformers;
import org.attentionatlas.engine.weights.SafetensorsReader;
import org.attentionatlas.engine.weights.WeightMap;
import org.attentionatlas.testkit.Fixtures;
import org.attentionatlas.testkit.Golden;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Head gates and head importance on the tiny random BERT of fixtures/golden/tiny (2 layers × 4 heads, with its MLM
 * head): gates at 1 reproduce the golden outputs bit for bit, autograd's ∂L/∂ξ equals central finite differences,
 * and a layer with every head removed outputs what its attention bias alone gives, computed here by hand.
 */
class HeadImportanceTinyBertTest {

    private static final int MASK = 4; // tiny-bert has no vocabulary: any id serves as the mask for the arithmetic
    private static Path dir;
    private static Transformer model;
    private static JsonNode golden;

    @BeforeAll
    static void load() {
        dir = Fixtures.tinyModel("tiny-bert");
        model = Transformers.create(HfConfigReader.read(dir.resolve("config.json")),
                SafetensorsReader.readDirectory(dir), Device.cpu());
        golden = Golden.json(dir.resolve("golden.json"));
    }

    @AfterAll
    static void close() {
        model.close();
    }

    private static List<int[]> goldenIds() {
        List<int[]> ids = new ArrayList<>();
        golden.get("cases").forEach(c -> ids.add(Golden.ints(c.get("input_ids"))));
        return ids;
    }

    @Test
    void gatesAtOneLeaveTheGoldenOutputsBitIdentical() {
        List<int[]> ids = goldenIds();
        try (NDManager m = NDManager.newBaseManager(Device.cpu())) {
            float[] plain = model.forward(m, PaddedBatch.of(m, ids, 0), Hooks.none()).hidden().toFloatArray();
            NDArray[] shared = new NDArray[2];
            NDArray[] perSequence = new NDArray[2];
            for (int l = 0; l < 2; l++) {
                shared[l] = m.ones(new ai.djl.ndarray.types.Shape(4));
                perSequence[l] = m.ones(new ai.djl.ndarray.types.Shape(ids.size(), 4));
            }
            for (NDArray[] gates : List.of(shared, perSequence)) {
                ForwardOutput out = model.forward(m, PaddedBatch.of(m, ids, 0),
                        Hooks.create().gate(HeadGates.of(Stack.MAIN, gates)));
                assertArrayEquals(plain, out.hidden().toFloatArray());
                for (int b = 0; b < ids.size(); b++) {
                    JsonNode c = golden.get("cases").get(b);
                    NDArray hidden = out.hidden().get(new NDIndex("{}, :{}", b, ids.get(b).length));
                    Golden.assertClose("gated hidden " + b, c.get("last_hidden_state"), hidden.toFloatArray(), 1e-5);
                    Golden.assertClose("gated logits " + b, c.get("logits"), model.lmHead(hidden).toFloatArray(), 1e-5);
                }
            }
        }
    }

    private static MaskedSequence masked(int[] ids, int... positions) {
        int[] input = ids.clone();
        int[] targets = new int[positions.length];
        for (int i = 0; i < positions.length; i++) {
            targets[i] = ids[positions[i]];
            input[positions[i]] = MASK;
        }
        return new MaskedSequence(input, positions, targets);
    }

    private static List<MaskedSequence> twoSequences() {
        List<int[]> ids = goldenIds();
        return List.of(masked(ids.get(0), 1, 3), masked(ids.get(1), 2));
    }

    @Test
    void gradientsEqualCentralFiniteDifferences() {
        HeadImportance importance = new HeadImportance(model, 0);
        List<MaskedSequence> batch = twoSequences();
        float[][] grads = importance.sequenceGradients(batch);
        double eps = 1e-2;
        for (int x = 0; x < batch.size(); x++) {
            float[][] alone = importance.sequenceGradients(List.of(batch.get(x)));
            // a sequence's own gates: the same gradient in a padded batch of two as alone
            for (int i = 0; i < 8; i++) {
                assertEquals(alone[0][i], grads[x][i], 1e-4 * Math.abs(alone[0][i]) + 1e-9,
                        "sequence " + x + " gate " + i + " batched vs alone: " + Arrays.toString(alone[0]) + " vs "
                                + Arrays.toString(grads[x]));
            }
            for (int i = 0; i < 8; i++) {
                double plus = loss(importance, batch.get(x), i, 1 + eps);
                double minus = loss(importance, batch.get(x), i, 1 - eps);
                double fd = (plus - minus) / (2 * eps);
                assertEquals(fd, grads[x][i], 2e-4 + 2e-3 * Math.abs(fd), "sequence " + x + " gate " + i);
            }
        }
        double sum = 0;
        for (float[] g : grads) {
            for (float v : g) {
                sum += Math.abs(v);
            }
        }
        assertTrue(sum > 1e-3, "the gradients are not all zero: " + Arrays.deepToString(grads));
        ImportanceSums sums = importance.gradients(batch);
        assertEquals(2, sums.sequences());
        assertEquals(3, sums.maskedTokens());
        assertEquals(Math.abs(grads[0][5]) + Math.abs(grads[1][5]), sums.absGradient()[5], 1e-6);
    }

    /** The sequence's mean masked-LM loss with gate {@code gate} (layer-major) at {@code value}, the others at 1. */
    private static double loss(HeadImportance importance, MaskedSequence s, int gate, double value) {
        float[][] xi = {{1, 1, 1, 1}, {1, 1, 1, 1}};
        xi[gate / 4][gate % 4] = (float) value;
        MaskedLmTally t = importance.evaluate(List.of(s), xi);
        return t.lossSum() / t.tokens();
    }

    @Test
    void aLayerWithoutHeadsAddsOnlyTheAttentionOutputBias() {
        int[] ids = goldenIds().get(0);
        WeightMap w = SafetensorsReader.readDirectory(dir);
        try (NDManager m = NDManager.newBaseManager(Device.cpu())) {
            Hooks hooks = Hooks.create().gate(HeadGates.of(Stack.MAIN, m.zeros(new ai.djl.ndarray.types.Shape(4))));
            Captures cap = Captures.of(m, hooks, EnumSet.of(HookKind.RESID_PRE, HookKind.RESID_POST, HookKind.Z));
            model.forward(m, PaddedBatch.of(m, List.of(ids), 0), hooks);
            float[] z = cap.get("blocks.0.attn.hook_z").toFloatArray();
            assertEquals(0, Arrays.stream(toDoubles(z)).map(Math::abs).sum(), "hook_z sees the gated heads");
            float[] in = cap.get("blocks.0.hook_resid_pre").toFloatArray();
            float[] out = cap.get("blocks.0.hook_resid_post").toFloatArray();
            int d = 32;
            for (int t = 0; t < ids.length; t++) {
                double[] expected = layerWithoutHeads(w, Arrays.copyOfRange(in, t * d, (t + 1) * d));
                for (int k = 0; k < d; k++) {
                    assertEquals(expected[k], out[t * d + k], 1e-4, "token " + t + " dim " + k);
                }
            }
        }
    }

    /** LN2(FF(h) + h) with h = LN1(x + b_O): BERT's layer once its attention contributes only its output bias. */
    private static double[] layerWithoutHeads(WeightMap w, float[] x) {
        String p = "bert.encoder.layer.0.";
        float[] bo = w.get(p + "attention.output.dense.bias").data();
        double[] h = new double[x.length];
        for (int k = 0; k < x.length; k++) {
            h[k] = x[k] + bo[k];
        }
        h = layerNorm(h, w.get(p + "attention.output.LayerNorm.weight").data(),
                w.get(p + "attention.output.LayerNorm.bias").data());
        double[] inner = linear(h, w.get(p + "intermediate.dense.weight").data(), w.get(p + "intermediate.dense.bias").data());
        for (int k = 0; k < inner.length; k++) {
            inner[k] = 0.5 * inner[k] * (1 + erf(inner[k] / Math.sqrt(2)));
        }
        double[] ff = linear(inner, w.get(p + "output.dense.weight").data(), w.get(p + "output.dense.bias").data());
        for (int k = 0; k < ff.length; k++) {
            ff[k] += h[k];
        }
        return layerNorm(ff, w.get(p + "output.LayerNorm.weight").data(), w.get(p + "output.LayerNorm.bias").data());
    }

    private static double[] linear(double[] x, float[] weight, float[] bias) {
        double[] y = new double[bias.length];
        for (int o = 0; o < y.length; o++) {
            double s = bias[o];
            for (int i = 0; i < x.length; i++) {
                s += weight[o * x.length + i] * x[i];
            }
            y[o] = s;
        }
        return y;
    }

    private static double[] layerNorm(double[] x, float[] gamma, float[] beta) {
        double mean = Arrays.stream(x).average().orElseThrow();
        double var = Arrays.stream(x).map(v -> (v - mean) * (v - mean)).average().orElseThrow();
        double[] y = new double[x.length];
        for (int k = 0; k < x.length; k++) {
            y[k] = (x[k] - mean) / Math.sqrt(var + 1e-12) * gamma[k] + beta[k];
        }
        return y;
    }

    /** Abramowitz–Stegun 7.1.26 is too coarse at 1e-4; this series/continued fraction is exact to ~1e-12 here. */
    private static double erf(double v) {
        double a = Math.abs(v);
        double s;
        if (a < 3) {
            double term = a;
            double sum = a;
            for (int n = 1; n < 60; n++) {
                term *= -a * a / n;
                sum += term / (2 * n + 1);
            }
            s = 2 / Math.sqrt(Math.PI) * sum;
        } else {
            s = 1 - Math.exp(-a * a) / (a * Math.sqrt(Math.PI)) * (1 - 1 / (2 * a * a) + 3 / (4 * a * a * a * a));
        }
        return v < 0 ? -s : s;
    }

    private static double[] toDoubles(float[] f) {
        double[] d = new double[f.length];
        for (int i = 0; i < f.length; i++) {
            d[i] = f[i];
        }
        return d;
    }
}
