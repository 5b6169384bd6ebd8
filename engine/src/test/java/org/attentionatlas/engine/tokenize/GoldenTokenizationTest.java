package org.attentionatlas.engine.tokenize;

import com.fasterxml.jackson.databind.JsonNode;
import org.attentionatlas.testkit.Fixtures;
import org.attentionatlas.testkit.Golden;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Every golden case of the four real models: our ids and tokens equal the reference exactly. */
class GoldenTokenizationTest {

    private static final Map<String, TextTokenizer> OPEN = new ConcurrentHashMap<>();

    private static TextTokenizer tokenizer(String model) {
        return OPEN.computeIfAbsent(model, RealModels::tokenizer);
    }

    @AfterAll
    static void closeAll() {
        OPEN.values().forEach(TextTokenizer::close);
    }

    static List<Arguments> goldenCases() {
        List<Arguments> all = new ArrayList<>();
        for (String model : RealModels.NAMES) {
            JsonNode golden = Fixtures.realGolden(model);
            for (String section : List.of("cases", "fill_mask")) {
                for (JsonNode c : golden.path(section)) {
                    all.add(Arguments.of(model, section, c.get("text").asText(), Golden.strings(c.get("tokens")),
                            Golden.ints(c.get("input_ids")), c.path("mask_index").asInt(-1)));
                }
            }
        }
        return all;
    }

    @Test
    void everyModelHasItsGoldenCases() {
        Map<String, Integer> count = new java.util.TreeMap<>();
        for (Arguments a : goldenCases()) {
            count.merge(a.get()[0] + "/" + a.get()[1], 1, Integer::sum);
        }
        assertEquals(Map.of("minilm-l6/cases", 6, "bge-small-zh/cases", 6, "bert-base-uncased/cases", 6,
                "bert-base-uncased/fill_mask", 2, "mbert-cased/cases", 6, "mbert-cased/fill_mask", 3), count);
    }

    @ParameterizedTest(name = "{0} {1}: {2}")
    @MethodSource("goldenCases")
    void idsAndTokensEqualTheGolden(String model, String section, String text, String[] tokens, int[] ids,
                                    int maskIndex) {
        Encoding e = tokenizer(model).encode(text);
        assertArrayEquals(tokens, e.tokens(), "tokens");
        assertArrayEquals(ids, e.ids(), "ids");
        if (maskIndex >= 0) {
            assertEquals(103, e.ids()[maskIndex]);
            assertEquals(tokenizer(model).specials().mask(), e.ids()[maskIndex]);
            assertEquals("[MASK]", text.substring(e.starts()[maskIndex], e.ends()[maskIndex]));
        }
    }

    @Test
    void modelFoldersGetTheExpectedTokenizers() {
        assertInstanceOf(HfTokenizer.class, tokenizer("minilm-l6"));
        assertInstanceOf(HfTokenizer.class, tokenizer("bge-small-zh"));
        assertTrue(assertInstanceOf(WordPieceTokenizer.class, tokenizer("bert-base-uncased")).lowercase());
        assertFalse(assertInstanceOf(WordPieceTokenizer.class, tokenizer("mbert-cased")).lowercase());
        assertEquals(List.of(30522, 21128, 30522, 119547),
                RealModels.NAMES.stream().map(m -> tokenizer(m).vocabSize()).toList());
        for (String model : RealModels.NAMES) {
            assertEquals(new SpecialTokens(0, 100, 101, 102, 103), tokenizer(model).specials(), model);
        }
    }
}
