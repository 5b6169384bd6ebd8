package org.attentionatlas.engine.model;

import ai.djl.Device;
import com.fasterxml.jackson.databind.JsonNode;
import org.attentionatlas.engine.attention.AttentionExtractor;
import org.attentionatlas.engine.attention.RawAttention;
import org.attentionatlas.engine.load.LoadedModel;
import org.attentionatlas.engine.load.ModelLoader;
import org.attentionatlas.engine.mlm.FillMask;
import org.attentionatlas.engine.mlm.Prediction;
import org.attentionatlas.engine.tokenize.Encoding;
import org.attentionatlas.testkit.Fixtures;
import org.attentionatlas.testkit.Golden;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The four real models fetched from Maven Central reproduce fixtures/golden/real: identical token ids, attentions
 * within 1e-4 (batched with padding), and the published fill-mask top-5.
 */
class RealModelGoldenTest {

    private static final Map<String, LoadedModel> MODELS = new HashMap<>();

    static synchronized LoadedModel model(String name) {
        return MODELS.computeIfAbsent(name, n -> ModelLoader.withDefaultStore().load(n, Device.cpu()));
    }

    @AfterAll
    static void close() {
        MODELS.values().forEach(LoadedModel::close);
        MODELS.clear();
    }

    @ParameterizedTest
    @ValueSource(strings = {"minilm-l6", "bge-small-zh", "bert-base-uncased", "mbert-cased"})
    void attentionsMatchReference(String name) {
        JsonNode golden = Fixtures.realGolden(name);
        LoadedModel model = model(name);
        List<Encoding> encodings = new ArrayList<>();
        for (JsonNode c : golden.get("cases")) {
            Encoding e = model.encode(c.get("text").asText());
            assertArrayEquals(Golden.ints(c.get("input_ids")), e.ids(), name + " ids of " + c.get("text"));
            encodings.add(e);
        }
        List<RawAttention> raw = new AttentionExtractor(model, 8).extract(encodings); // one padded batch
        for (int i = 0; i < raw.size(); i++) {
            JsonNode expected = golden.get("cases").get(i).get("attentions");
            assertEquals(expected.size(), raw.get(i).layers(), "layers");
            for (int l = 0; l < expected.size(); l++) {
                float[] flat = flatten(raw.get(i).attentions()[l]);
                Golden.assertClose(name + " case " + i + " layer " + l, expected.get(l), flat, 1e-4);
            }
        }
    }

    @Test
    void bertBaseFillMaskMatchesModelCard() {
        checkFillMask("bert-base-uncased", 2e-5);
    }

    @Test
    void mbertFillMaskGivesDuAndParis() {
        checkFillMask("mbert-cased", 2e-5);
    }

    private static void checkFillMask(String name, double tol) {
        JsonNode golden = Fixtures.realGolden(name);
        FillMask fill = new FillMask(model(name));
        for (JsonNode c : golden.get("fill_mask")) {
            List<Prediction> got = fill.predict(c.get("text").asText(), 5).get(0).predictions();
            JsonNode top5 = c.get("top5");
            for (int r = 0; r < 5; r++) {
                String what = name + " \"" + c.get("text").asText() + "\" rank " + (r + 1);
                assertEquals(top5.get(r).get("token").asText(), got.get(r).token(), what);
                assertEquals(top5.get(r).get("id").asInt(), got.get(r).id(), what);
                assertEquals(top5.get(r).get("probability").asDouble(), got.get(r).probability(), tol, what);
            }
        }
    }

    static float[] flatten(float[][][] heads) {
        int h = heads.length;
        int q = heads[0].length;
        int k = heads[0][0].length;
        float[] out = new float[h * q * k];
        for (int a = 0; a < h; a++) {
            for (int b = 0; b < q; b++) {
                System.arraycopy(heads[a][b], 0, out, (a * q + b) * k, k);
            }
        }
        return out;
    }
}
