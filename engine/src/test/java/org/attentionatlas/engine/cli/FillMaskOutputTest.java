package org.attentionatlas.engine.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.attentionatlas.engine.mlm.MaskPredictions;
import org.attentionatlas.engine.mlm.Prediction;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** fill-mask's JSON lists every mask and keeps the first mask's list as {@code predictions}; the console shows each. */
class FillMaskOutputTest {

    private static final List<MaskPredictions> TWO = List.of(
            new MaskPredictions(0, 4, List.of(new Prediction("capital", 3007, 0.9), new Prediction("center", 2415, 0.05))),
            new MaskPredictions(1, 6, List.of(new Prediction("france", 2605, 0.8), new Prediction("europe", 2647, 0.1))));

    @TempDir
    Path tmp;

    @Test
    void jsonHasEveryMaskAndTheFirstAsPredictions() throws Exception {
        Path json = tmp.resolve("fill.json");
        FillMaskOutput.writeJson(json, "bert-base-uncased", "Paris is the [MASK] of [MASK].", TWO);
        JsonNode root = new ObjectMapper().readTree(json.toFile());
        assertEquals("capital", root.get("predictions").get(0).get("token").asText());
        assertEquals(2, root.get("predictions").size());
        JsonNode masks = root.get("masks");
        assertEquals(2, masks.size());
        assertEquals(1, masks.get(1).get("position").asInt());
        assertEquals(6, masks.get(1).get("token_index").asInt());
        assertEquals("france", masks.get(1).get("predictions").get(0).get("token").asText());
        assertEquals(2605, masks.get(1).get("predictions").get(0).get("id").asInt());
        assertEquals(0.1, masks.get(1).get("predictions").get(1).get("probability").asDouble(), 0);
        assertEquals(root.get("predictions"), masks.get(0).get("predictions"));
    }

    @Test
    void consoleListsEachMaskUnderItsOwnHeading() {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        FillMaskOutput.print(new java.io.PrintWriter(new java.io.OutputStreamWriter(bytes, StandardCharsets.UTF_8), true), "m", "t", TWO);
        List<String> lines = bytes.toString(StandardCharsets.UTF_8).lines().toList();
        assertEquals(List.of("m: t", " mask 1 (token 4):", "  1. capital         id 3007   p = 0.900000",
                "  2. center          id 2415   p = 0.050000", " mask 2 (token 6):",
                "  1. france          id 2605   p = 0.800000", "  2. europe          id 2647   p = 0.100000"), lines);
        bytes.reset();
        FillMaskOutput.print(new java.io.PrintWriter(new java.io.OutputStreamWriter(bytes, StandardCharsets.UTF_8), true), "m", "t", TWO.subList(0, 1));
        assertEquals(3, bytes.toString(StandardCharsets.UTF_8).lines().count(), "one mask: no heading, as before");
    }
}
