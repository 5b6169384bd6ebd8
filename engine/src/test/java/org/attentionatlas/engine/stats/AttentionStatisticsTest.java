package org.attentionatlas.engine.stats;

import ai.djl.Device;
import org.attentionatlas.engine.load.LoadedModel;
import org.attentionatlas.engine.load.ModelLoader;
import org.attentionatlas.engine.testing.ReferenceHeadStats;
import org.attentionatlas.engine.tokenize.Encoding;
import org.attentionatlas.testkit.Fixtures;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** Device-side head statistics equal a double-precision host computation from the raw attention matrices. */
public class AttentionStatisticsTest {

    /** Hand-built encodings over the tiny models' 211-id vocabulary: specials at the ends, punctuation inside. */
    public static Encoding encoding(String... tokens) {
        int n = tokens.length;
        int[] ids = new int[n];
        int[] zeros = new int[n];
        int[] words = new int[n];
        boolean[] special = new boolean[n];
        for (int i = 0; i < n; i++) {
            special[i] = tokens[i].startsWith("[");
            ids[i] = special[i] ? (i == 0 ? 2 : 3) : 5 + Math.abs(tokens[i].hashCode() % 200);
            words[i] = special[i] ? -1 : i - 1;
        }
        return new Encoding(String.join(" ", tokens), ids, tokens, zeros, zeros, words, special);
    }

    @ParameterizedTest
    @ValueSource(strings = {"tiny-bert", "tiny-gpt2", "tiny-roberta", "tiny-t5"})
    void deviceSumsEqualHostReference(String name) {
        List<Encoding> batch = List.of(
                encoding("[CLS]", "the", "doctor", ",", "she", "said", ".", "[SEP]"),
                encoding("[CLS]", "hi", "!", "[SEP]"),
                encoding("[CLS]", "a", "b", "c", "d", "e", "f", "g", "h", "i", "j", "k", "l", "m", ";", "[SEP]"));
        try (LoadedModel model = ModelLoader.withDefaultStore().load(Fixtures.tinyModel(name).toString(), Device.cpu());
             AttentionStatistics stats = new AttentionStatistics(model)) {
            HeadSums device = new HeadSums(model.config().layers(), model.config().heads());
            stats.run(batch).forEach(device::add);
            ReferenceHeadStats ref = new ReferenceHeadStats(model.config().layers(), model.config().heads());
            for (Encoding e : batch) {
                ref.add(model, e);
            }
            assertEquals(ref.queries(), device.queryTokens());
            assertEquals(3, device.sequences());
            for (int l = 0; l < device.layers(); l++) {
                for (int h = 0; h < device.heads(); h++) {
                    for (HeadStat s : HeadStat.values()) {
                        assertEquals(ref.mean(s, l, h), device.mean(s, l, h), 1e-5, name + " " + s + " L" + l + "H" + h);
                    }
                    for (int bucket = 0; bucket < OffsetBuckets.count(); bucket++) {
                        assertEquals(ref.offsetMean(l, h, bucket), device.offsetMass(l, h, bucket) / device.queryTokens(),
                                1e-6, name + " offset " + OffsetBuckets.label(bucket));
                    }
                }
            }
        }
    }
}
