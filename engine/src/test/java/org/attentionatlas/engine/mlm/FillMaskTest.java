package org.attentionatlas.engine.mlm;

import ai.djl.Device;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import org.attentionatlas.engine.hooks.Hooks;
import org.attentionatlas.engine.load.LoadedModel;
import org.attentionatlas.engine.load.ModelLoader;
import org.attentionatlas.engine.model.PaddedBatch;
import org.attentionatlas.engine.tokenize.Encoding;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** fill-mask scores every mask of a text, each at its own token, on bert-base-uncased. */
class FillMaskTest {

    private static LoadedModel model;

    @BeforeAll
    static void load() {
        model = ModelLoader.withDefaultStore().load("bert-base-uncased", Device.cpu());
    }

    @AfterAll
    static void close() {
        model.close();
    }

    @Test
    void eachMaskIsPredictedAtItsOwnToken() {
        // [CLS] paris is the [MASK] of [MASK] . [SEP]
        List<MaskPredictions> masks = new FillMask(model).predict("Paris is the [MASK] of [MASK].", 5);
        assertEquals(2, masks.size());
        assertEquals(0, masks.get(0).position());
        assertEquals(4, masks.get(0).tokenIndex());
        assertEquals(1, masks.get(1).position());
        assertEquals(6, masks.get(1).tokenIndex());
        assertEquals("capital", masks.get(0).predictions().get(0).token());
        assertEquals("france", masks.get(1).predictions().get(0).token());
    }

    @Test
    void eachMasksProbabilitiesAreTheSoftmaxOfTheLogitsAtItsToken() {
        String text = "The [MASK] asked the [MASK] to help.";
        List<MaskPredictions> masks = new FillMask(model).predict(text, 5);
        Encoding e = model.encode(text);
        try (NDManager m = NDManager.newBaseManager(model.transformer().device())) {
            NDArray hidden = model.transformer().forward(m,
                    PaddedBatch.of(m, List.of(e.ids()), model.config().padTokenId()), Hooks.none()).hidden();
            // every position's vocabulary distribution at once: [tokens, vocab]
            float[][] probabilities = rows(model.transformer().lmHead(hidden.get(0))
                    .toType(DataType.FLOAT32, false).softmax(-1));
            for (MaskPredictions mask : masks) {
                float[] p = probabilities[mask.tokenIndex()];
                assertEquals("[MASK]", e.tokens()[mask.tokenIndex()]);
                double previous = 1;
                for (Prediction prediction : mask.predictions()) {
                    assertEquals(p[prediction.id()], prediction.probability(), 1e-6, prediction.token());
                    assertTrue(prediction.probability() <= previous, "best first");
                    previous = prediction.probability();
                }
                int best = 0;
                for (int id = 1; id < p.length; id++) {
                    best = p[id] > p[best] ? id : best;
                }
                assertEquals(best, mask.predictions().get(0).id(), "mask " + mask.position());
            }
        }
        assertTrue(masks.get(0).predictions().get(0).id() != masks.get(1).predictions().get(0).id(),
                "two masks, two different answers: " + masks);
    }

    @Test
    void oneMaskIsTheModelCardsAnswer() {
        List<MaskPredictions> masks = new FillMask(model).predict("The woman worked as a [MASK].", 5);
        assertEquals(1, masks.size());
        assertEquals(6, masks.get(0).tokenIndex());
        Prediction top = masks.get(0).predictions().get(0);
        assertEquals("nurse", top.token());
        assertEquals(0.2198134, top.probability(), 2e-5);
    }

    @Test
    void aTextWithoutMaskIsRefused() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new FillMask(model).predict("No mask here.", 5));
        assertTrue(e.getMessage().contains("no mask token [MASK]"), e.getMessage());
    }

    private static float[][] rows(NDArray matrix) {
        int n = (int) matrix.getShape().get(0);
        int v = (int) matrix.getShape().get(1);
        float[] flat = matrix.toFloatArray();
        float[][] out = new float[n][v];
        for (int i = 0; i < n; i++) {
            System.arraycopy(flat, i * v, out[i], 0, v);
        }
        return out;
    }
}
