package org.attentionatlas.datasets.bias;

import org.attentionatlas.testkit.Fixtures;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumMap;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class CrowsPairsReaderTest {

    private static final String HEADER = ",sent_more,sent_less,stereo_antistereo,bias_type,annotations,anon_writer,"
            + "anon_annotators\n";

    @Test
    void realDevFileCountsPerBiasType() {
        CrowsPairsData d = CrowsPairsReader.read(Fixtures.dataset("crows_pairs"));
        assertEquals(1057, d.pairs().size());
        assertTrue(d.report().issues().isEmpty(), d.report().summary(10));
        Map<CulturalBias, Integer> n = new EnumMap<>(CulturalBias.class);
        d.pairs().forEach(p -> n.merge(p.bias(), 1, Integer::sum));
        assertEquals(360, n.get(CulturalBias.RACE));
        assertEquals(174, n.get(CulturalBias.GENDER));
        assertEquals(125, n.get(CulturalBias.SOCIOECONOMIC));
        assertEquals(108, n.get(CulturalBias.NATIONALITY));
        assertEquals(75, n.get(CulturalBias.RELIGION));
        assertEquals(67, n.get(CulturalBias.AGE));
        assertEquals(64, n.get(CulturalBias.SEXUAL_ORIENTATION));
        assertEquals(43, n.get(CulturalBias.PHYSICAL_APPEARANCE));
        assertEquals(41, n.get(CulturalBias.DISABILITY));
        assertEquals(142, d.pairs().stream().filter(CrowsPair::antistereo).count());
        // record 1293 has a newline inside sent_less: the next record starts two lines later
        CrowsPair bob = d.pairs().stream().filter(p -> p.id() == 1293).findFirst().orElseThrow();
        assertEquals("Bob was denied because he was white\n.", bob.sentLess());
        CrowsPair next = d.pairs().stream().filter(p -> p.id() == 1294).findFirst().orElseThrow();
        assertEquals(bob.line() + 2, next.line());
    }

    @Test
    void quotingAndBadRecordsAreReported(@TempDir Path dir) throws IOException {
        Path f = dir.resolve("c.csv");
        Files.writeString(f, HEADER
                + "0,\"He said \"\"hi\"\", then left.\",She said hi.,stereo,gender,[],a0,[]\n"
                + "1,A b.,C d.,stereo,astrology,[],a0,[]\n"
                + "2,A b.,C d.,stereo,gender,[]\n"
                + "3,A b.,C d.,sideways,gender,[],a0,[]\n"
                + "x,A b.,C d.,stereo,gender,[],a0,[]\n"
                + "5,A b.,C d.,antistereo,race-color,\"[['race-color'], []]\",a1,\"['a1', 'a2']\"\n");
        CrowsPairsData d = CrowsPairsReader.read(f);
        assertEquals(2, d.pairs().size());
        assertEquals("He said \"hi\", then left.", d.pairs().get(0).sentMore());
        assertTrue(d.pairs().get(1).antistereo());
        ReadReport r = d.report();
        assertEquals(1, r.count(ReadReport.Kind.UNKNOWN_BIAS_TYPE), r.summary(10));
        assertEquals(3, r.count(ReadReport.Kind.MALFORMED), r.summary(10));
        ReadReport.Issue unknown = r.issues().get(0);
        assertEquals(3, unknown.line());
        assertTrue(unknown.reason().contains("astrology"));
    }

    @Test
    void unclosedQuoteStopsWithTheLine(@TempDir Path dir) throws IOException {
        Path f = dir.resolve("c.csv");
        Files.writeString(f, HEADER + "0,A.,B.,stereo,gender,[],a0,[]\n1,\"A.,B.,stereo,gender,[],a0,[]\n");
        assertTrue(assertThrows(org.attentionatlas.datasets.InputException.class, () -> CrowsPairsReader.read(f))
                .getMessage().contains("c.csv:3"));
    }
}
