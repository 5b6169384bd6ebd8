package org.attentionatlas.engine.attribution;

import ai.djl.Device;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import org.attentionatlas.engine.config.HfConfigReader;
import org.attentionatlas.engine.hooks.Hooks;
import org.attentionatlas.engine.model.ForwardInput;
import org.attentionatlas.engine.model.PaddedBatch;
import org.attentionatlas.engine.model.Transformer;
import org.attentionatlas.engine.model.Transformers;
import org.attentionatlas.engine.weights.SafetensorsReader;
import org.attentionatlas.testkit.Fixtures;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.List;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Gradient attribution on the tiny random BERT of fixtures/golden (it has an MLM head), against central finite
 * differences of the forward pass and against the definitions of each method.
 */
class AttributorTinyBertTest {

    private static final int[] IDS = {2, 17, 45, 4, 88, 130, 3};   // [CLS] … mask at 3 … [SEP]; ids are arbitrary
    private static final boolean[] KEEP = {true, false, false, true, false, false, true};
    private static final int MASK_AT = 3;
    private static final int TARGET = 101;
    private static final int[] OTHER = {2, 60, 61, 62, 3};
    private static Transformer model;

    @BeforeAll
    static void load() {
        Path dir = Fixtures.tinyModel("tiny-bert");
        model = Transformers.create(HfConfigReader.read(dir.resolve("config.json")), SafetensorsReader.readDirectory(dir),
                Device.cpu());
    }

    @AfterAll
    static void close() {
        model.close();
    }

    private static AttributionTarget maskTarget() {
        return new MaskedTokenTarget(model, MASK_AT, TARGET);
    }

    private static AttributionTarget cosineTarget(NDManager m) {
        ForwardInput other = PaddedBatch.of(m, List.of(OTHER), 0);
        NDArray hidden = model.forward(m, other, Hooks.none()).hidden();
        return new EmbeddingCosineTarget(MeanPooling.pool(hidden, other.attentionMask()).get(0));
    }

    private static NDArray words(NDManager m) {
        long[] ids = new long[IDS.length];
        for (int i = 0; i < ids.length; i++) {
            ids[i] = IDS[i];
        }
        return model.wordEmbeddings(m.create(ids, new Shape(1, ids.length)));
    }

    /** F at word embeddings [1, T, D], without gradients, in float64 on the host. */
    private static double f(NDManager m, AttributionTarget target, NDArray words) {
        ForwardInput in = PaddedBatch.of(m, List.of(IDS), 0);
        return target.score(model.forwardEmbedded(m, in, words, Hooks.none()).hidden(), in.attentionMask())
                .toType(DataType.FLOAT64, false).getDouble(0);
    }

    private static float[] gradient(NDManager m, AttributionTarget target) {
        ForwardInput in = PaddedBatch.of(m, List.of(IDS), 0);
        Gradients.Backward pass = Gradients.of(new NDList(words(m)), l -> target.score(
                model.forwardEmbedded(m, in, l.get(0), Hooks.none()).hidden(), in.attentionMask()));
        return pass.gradients().get(0).toFloatArray();
    }

    /** ⟨∇F, v⟩ against (F(e + hv) − F(e − hv)) / 2h along random unit directions and single coordinates. */
    private static void assertGradientMatchesFiniteDifferences(NDManager m, AttributionTarget target) {
        float[] g = gradient(m, target);
        NDArray e = words(m);
        Random random = new Random(11);
        double h = 1e-2;
        for (int trial = 0; trial < 6; trial++) {
            float[] v = new float[g.length];
            if (trial < 3) {
                double norm = 0;
                for (int i = 0; i < v.length; i++) {
                    v[i] = (float) random.nextGaussian();
                    norm += v[i] * v[i];
                }
                for (int i = 0; i < v.length; i++) {
                    v[i] /= (float) Math.sqrt(norm);
                }
            } else {
                v[random.nextInt(v.length)] = 1f;
            }
            NDArray dir = m.create(v, e.getShape());
            double fd = (f(m, target, e.add(dir.mul((float) h))) - f(m, target, e.sub(dir.mul((float) h)))) / (2 * h);
            double analytic = 0;
            for (int i = 0; i < v.length; i++) {
                analytic += (double) g[i] * v[i];
            }
            assertEquals(fd, analytic, 2e-3 * Math.max(1, Math.abs(fd)), "trial " + trial);
        }
    }

    @Test
    void maskedTokenGradientEqualsFiniteDifferences() {
        try (NDManager m = NDManager.newBaseManager(Device.cpu())) {
            assertGradientMatchesFiniteDifferences(m, maskTarget());
        }
    }

    @Test
    void cosineGradientEqualsFiniteDifferences() {
        try (NDManager m = NDManager.newBaseManager(Device.cpu())) {
            assertGradientMatchesFiniteDifferences(m, cosineTarget(m));
        }
    }

    @Test
    void saliencyAndGradientTimesInputFollowTheirDefinitions() {
        try (NDManager m = NDManager.newBaseManager(Device.cpu())) {
            float[] g = gradient(m, maskTarget());
            float[] e = words(m).toFloatArray();
            int d = g.length / IDS.length;
            Attributor attributor = new Attributor(model);
            Baseline pad = Baseline.token(0, "[PAD]");
            TokenAttribution saliency = attributor.attribute(m, IDS, KEEP, pad, maskTarget(), AttributionMethod.SALIENCY, 1);
            TokenAttribution gradInput = attributor.attribute(m, IDS, KEEP, pad, maskTarget(), AttributionMethod.GRAD_INPUT, 1);
            for (int t = 0; t < IDS.length; t++) {
                double norm = 0;
                double dot = 0;
                for (int k = 0; k < d; k++) {
                    norm += (double) g[t * d + k] * g[t * d + k];
                    dot += (double) g[t * d + k] * e[t * d + k];
                }
                // the attributor's input row shares its batch with the baseline row: rows must not interact
                assertEquals(Math.sqrt(norm), saliency.scores()[t], 1e-5 * Math.max(1, Math.sqrt(norm)), "saliency " + t);
                assertEquals(dot, gradInput.scores()[t], 1e-5 * Math.max(1, Math.abs(dot)), "grad-input " + t);
            }
            assertEquals(f(m, maskTarget(), words(m)), saliency.score(), 1e-5);
            assertTrue(Double.isNaN(saliency.completenessGap()), "completeness is an integrated-gradients measure");
        }
    }

    @Test
    void integratedGradientsAreCompleteWithinOnePercentAt256Steps() {
        try (NDManager m = NDManager.newBaseManager(Device.cpu())) {
            Attributor attributor = new Attributor(model);
            for (AttributionTarget target : List.of(maskTarget(), cosineTarget(m))) {
                TokenAttribution ig = attributor.attribute(m, IDS, KEEP, Baseline.token(0, "[PAD]"), target,
                        AttributionMethod.IG, 256);
                double sum = 0;
                for (float s : ig.scores()) {
                    sum += s;
                }
                double delta = ig.score() - ig.baselineScore();
                // the random model's MLM logits are near uniform: F moves by ~6e-4 (log-prob) and ~0.05 (cosine)
                assertTrue(Math.abs(delta) > 1e-4, "the baseline must change F for the check to mean anything: " + delta);
                assertEquals(Math.abs(sum - delta) / Math.abs(delta), ig.completenessGap(), 1e-9);
                assertTrue(ig.completenessGap() < 0.01, target.scoreName() + " gap " + ig.completenessGap());
                for (int t = 0; t < IDS.length; t++) {
                    if (KEEP[t]) {
                        assertEquals(0f, ig.scores()[t], "kept tokens equal their baseline: nothing to attribute");
                    }
                }
            }
        }
    }

    @Test
    void baselineScoreIsTheForwardPassOfTheBaselineInput() {
        try (NDManager m = NDManager.newBaseManager(Device.cpu())) {
            int[] padded = IDS.clone();
            for (int t = 0; t < padded.length; t++) {
                if (!KEEP[t]) {
                    padded[t] = 0;
                }
            }
            ForwardInput in = PaddedBatch.of(m, List.of(padded), 0);
            // the baseline keeps the attention mask of the input: padded ids are attended, not masked out
            in = ForwardInput.encoder(in.inputIds(), m.ones(new Shape(1, padded.length)));
            double expected = maskTarget().score(model.forward(m, in, Hooks.none()).hidden(), in.attentionMask())
                    .getFloat(0);
            TokenAttribution r = new Attributor(model).attribute(m, IDS, KEEP, Baseline.token(0, "[PAD]"), maskTarget(),
                    AttributionMethod.GRAD_INPUT, 1);
            assertEquals(expected, r.baselineScore(), 1e-5);
            // HF initialises the [PAD] row of the word embeddings to zeros: the zero baseline is the same input
            assertEquals(0f, model.wordEmbeddings(m.create(new long[] {0}, new Shape(1, 1))).abs().max().getFloat());
            TokenAttribution zero = new Attributor(model).attribute(m, IDS, KEEP, Baseline.zero(), maskTarget(),
                    AttributionMethod.GRAD_INPUT, 1);
            assertEquals(r.baselineScore(), zero.baselineScore(), 1e-7);
            TokenAttribution other = new Attributor(model).attribute(m, IDS, KEEP, Baseline.token(7, "t7"), maskTarget(),
                    AttributionMethod.GRAD_INPUT, 1);
            assertTrue(Math.abs(other.baselineScore() - r.baselineScore()) > 1e-6, "another token, another baseline");
            assertEquals(r.score(), other.score(), 1e-6, "the baseline does not change F at the input");
        }
    }
}
