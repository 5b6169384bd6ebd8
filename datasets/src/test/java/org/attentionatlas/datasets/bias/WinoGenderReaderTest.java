package org.attentionatlas.datasets.bias;

import org.attentionatlas.testkit.Fixtures;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class WinoGenderReaderTest {

    @Test
    void realDevFilesLocateEveryPronoun() {
        WinoGenderData d = WinoGenderReader.read(Fixtures.dataset("winogender"));
        assertEquals(504, d.sentences().size());
        assertEquals(42, d.stats().size());
        assertTrue(d.report().issues().isEmpty(), d.report().summary(10));
        assertEquals(40.34, d.stats().get("technician").blsPctFemale(), 1e-9);
        WinoGenderSentence s = d.sentences().get(0);
        assertEquals("technician.customer.1.male.txt", s.sentId());
        assertEquals("he", s.pronoun());
        assertEquals("technician", s.occupationSpan().of(s.text()));
        assertEquals(1, s.answer());
        long neutral = d.sentences().stream().filter(x -> x.gender() == Gender.NEUTRAL).count();
        assertEquals(168, neutral);
        for (WinoGenderSentence x : d.sentences()) {
            assertEquals(x.gender(), Gender.ofPronoun(x.pronoun()).orElseThrow(), x.sentId());
        }
    }

    @Test
    void malformedRowsAndMissingStatisticsAreReported(@TempDir Path dir) throws IOException {
        Files.write(dir.resolve(WinoGenderReader.STATS), List.of(
                "occupation\tbergsma_pct_female\tbls_pct_female\tbls_year",
                "nurse\t80\t89.58\t2015",
                "chef\tlots\t19.6\t2015",
                "baker\t60.8"));
        Files.write(dir.resolve(WinoGenderReader.SENTENCES), List.of(
                "sentid\tsentence",
                "nurse.patient.0.male.txt\tThe nurse told the patient that he was done.",
                "nurse.patient.0.female.txt\tThe nurse told the patient that she was done.",
                "nurse.patient.0.neutral.txt\tThe nurse told the patient that they were done.",
                "nurse.patient.0.other.txt\tThe nurse told the patient that it was done.",
                "just one field",
                "pilot.someone.1.male.txt\tThe pilot told someone that he was done.",
                "pilot.someone.1.female.txt\tThe pilot told someone that she was done."));
        WinoGenderData d = WinoGenderReader.read(dir);
        assertEquals(5, d.sentences().size());
        assertEquals(1, d.stats().size());
        ReadReport r = d.report();
        assertEquals(4, r.count(ReadReport.Kind.MALFORMED), r.summary(10)); // chef, baker, bad gender, one field
        assertEquals(1, r.count(ReadReport.Kind.MISSING_STATISTICS), r.summary(10)); // pilot
        assertTrue(r.issues().stream().anyMatch(i -> i.file().equals(WinoGenderReader.SENTENCES) && i.line() == 6));
    }

    @Test
    void templateWithoutAFemaleRowCannotLocateItsPronoun(@TempDir Path dir) throws IOException {
        Files.write(dir.resolve(WinoGenderReader.STATS), List.of("occupation\tb\tbls\tyear", "nurse\t1\t2\t2015"));
        Files.write(dir.resolve(WinoGenderReader.SENTENCES), List.of("sentid\tsentence",
                "nurse.patient.0.male.txt\tThe nurse told the patient that he was done."));
        WinoGenderData d = WinoGenderReader.read(dir);
        assertEquals(0, d.sentences().size());
        assertEquals(1, d.report().count(ReadReport.Kind.SPAN_NOT_LOCATED));
    }
}
