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

class WinoBiasReaderTest {

    @Test
    void realDevSplitPairsEveryLine() {
        WinoBiasData d = WinoBiasReader.read(Fixtures.dataset("winobias"), "dev");
        assertEquals(2 * 396, d.pairs().size());
        assertTrue(d.report().issues().isEmpty(), d.report().summary(10));
        WinoBiasPair first = d.pairs().get(0);
        assertEquals("type1-1", first.key());
        WinoBiasSentence pro = first.pro();
        assertEquals("The developer argued with the designer because he did not like the design.", pro.text());
        assertEquals("developer", pro.gold().of(pro.text()));
        assertEquals("designer", pro.other().of(pro.text()));
        assertEquals("he", pro.pronounText());
        assertEquals(Gender.FEMALE, first.anti().pronounGender());
        // id 2: the gold occupation is the second one
        WinoBiasSentence second = d.pairs().get(1).pro();
        assertEquals("designer", second.goldOccupation());
        assertEquals("developer", second.otherOccupation());
        // pro and anti share the gold occupation; their pronouns differ in gender
        for (WinoBiasPair p : d.pairs()) {
            assertEquals(p.pro().goldOccupation(), p.anti().goldOccupation(), p.key());
            assertTrue(p.pro().pronounGender() != p.anti().pronounGender(), p.key());
        }
    }

    @Test
    void multiWordOccupationAndAnnotationNoise() {
        WinoBiasData d = WinoBiasReader.read(Fixtures.dataset("winobias"), "dev");
        assertTrue(d.pairs().stream().anyMatch(p -> p.pro().goldOccupation().equals("construction worker")
                || p.pro().otherOccupation().equals("construction worker")));
    }

    @Test
    void badLinesAreCountedWithFileAndLine(@TempDir Path dir) throws IOException {
        Files.writeString(dir.resolve("female_occupations.txt"), "nurse\ndesigner");
        Files.writeString(dir.resolve("male_occupations.txt"), "developer\ncook");
        Files.write(dir.resolve("pro_stereotyped_type1.txt.dev"), List.of(
                "1 [The developer] argued with the designer because [he] was late.",
                "x [The developer] argued with the designer because [he] was late.",
                "3 [The developer argued with the designer because [he] was late.",
                "4 [The developer] argued with the designer because he was late.",
                "5 [The pilot] argued with the designer because [he] was late.",
                "6 [The cook] argued with the nurse because [it] was late.",
                "7 [The cook] argued with the nurse because [he] was late."));
        Files.write(dir.resolve("anti_stereotyped_type1.txt.dev"), List.of(
                "1 [The developer] argued with the designer because [she] was late.",
                "8 [The cook] argued with the nurse because [she] was late."));
        for (String f : List.of("pro_stereotyped_type2.txt.dev", "anti_stereotyped_type2.txt.dev")) {
            Files.writeString(dir.resolve(f), "");
        }
        WinoBiasData d = WinoBiasReader.read(dir, "dev");
        assertEquals(1, d.pairs().size());
        ReadReport r = d.report();
        assertEquals(3, r.count(ReadReport.Kind.MALFORMED), r.summary(20)); // bad id, unclosed '[', one span
        assertEquals(2, r.count(ReadReport.Kind.SPAN_NOT_LOCATED), r.summary(20)); // pilot, "it"
        assertEquals(2, r.count(ReadReport.Kind.UNPAIRED), r.summary(20)); // pro 7, anti 8
        ReadReport.Issue bad = r.issues().get(0);
        assertEquals("pro_stereotyped_type1.txt.dev", bad.file());
        assertEquals(2, bad.line());
        assertTrue(r.issues().stream().anyMatch(i -> i.line() == 5 && i.reason().contains("no known occupation")),
                r.summary(20));
    }
}
