package org.attentionatlas.datasets.bias;

import org.junit.jupiter.api.Test;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ProbeGeneratorTest {

    @Test
    void committedFileEqualsGeneratorOutput() throws Exception {
        try (InputStream in = ProbeReader.class.getResourceAsStream(ProbeReader.RESOURCE)) {
            String committed = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            assertEquals(ProbeGenerator.render(), committed,
                    "datasets/src/main/resources/bias/probes.tsv is stale: rerun ProbeGenerator");
        }
    }

    @Test
    void bundledProbesParseWithSpansOnOccupationAndPronoun() {
        ProbeReader.Probes p = ProbeReader.bundled();
        // en: 5 templates x 30 occupations x 2 pronouns; zh: 5 x 24 x 2
        assertEquals(300 + 240, p.probes().size());
        assertTrue(p.report().issues().isEmpty(), p.report().summary(5));
        Probe zh = p.probes().stream().filter(x -> x.lang().equals("zh")).findFirst().orElseThrow();
        assertEquals("医生说他会晚到。", zh.text());
        assertEquals("医生", zh.occupationSpan().of(zh.text()));
        assertEquals("他", zh.pronoun());
        assertEquals(Gender.MALE, zh.gender());
        long withStats = p.probes().stream().filter(x -> ProbeReader.pctFemale(x, java.util.Map.of("physician",
                new OccupationStat("physician", 1, 37.9, 2015))).isPresent()).count();
        assertEquals(20, withStats); // physician: 5 zh templates x 2 pronouns + 5 en templates x 2
    }

    @Test
    void malformedProbeLinesAreReported() {
        String text = ProbeGenerator.HEADER + "\n"
                + "en-0\ten\t0\tnurse\tnurse\tfemale\tThe nurse said that she left.\t4\t9\t20\t23\n"
                + "en-1\ten\t0\tnurse\tnurse\tfemale\tThe nurse said that she left.\t4\t9\t20\n"
                + "en-2\ten\t0\tnurse\tnurse\tmale\tThe nurse said that she left.\t4\t9\t20\t23\n";
        ProbeReader.Probes p = ProbeReader.parse(text, "x.tsv");
        assertEquals(1, p.probes().size());
        assertEquals(2, p.report().count(ReadReport.Kind.MALFORMED));
        assertEquals(3, p.report().issues().get(0).line());
    }
}
