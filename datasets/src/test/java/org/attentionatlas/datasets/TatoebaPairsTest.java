package org.attentionatlas.datasets;

import org.attentionatlas.testkit.Fixtures;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class TatoebaPairsTest {

    private static List<TatoebaPairs.Side> read(String name, String content, String fallback) {
        return TatoebaPairs.read(name, content.getBytes(StandardCharsets.UTF_8), fallback);
    }

    @Test
    void bothSidesOfEachPairWithTheirLanguageAndWhereTheyCameFrom() {
        List<TatoebaPairs.Side> sides = read("tatoeba.fra-eng.tsv", "orig_line\teng\tfra\n"
                + "0\tWe agree with you.\tNous sommes de votre avis.\n"
                + "3\tSay \"hi\".\tDis « salut ».\n", null);
        assertEquals(4, sides.size());
        assertEquals(new TatoebaPairs.Side("tatoeba.fra-eng.tsv:2:en", "en", "We agree with you.", DocumentStatus.OK),
                sides.get(0));
        assertEquals(new TatoebaPairs.Side("tatoeba.fra-eng.tsv:2:fr", "fr", "Nous sommes de votre avis.",
                DocumentStatus.OK), sides.get(1));
        assertEquals("Say \"hi\".", sides.get(2).text(), "no quote handling");
        assertEquals("tatoeba.fra-eng.tsv:3:fr", sides.get(3).id());
    }

    @Test
    void malformedLinesAreOneInvalidRowAndEmptySidesAreEmpty() {
        List<TatoebaPairs.Side> sides = read("tatoeba.cmn-eng.tsv", "orig_line\teng\tcmn\n"
                + "0\tLet's have a look.\t我們試試看！\n"
                + "1\tonly two fields\n"
                + "x\tnot a line number\t不是\n"
                + "4\t \t我该去睡觉了。\n", null);
        Map<String, Long> byStatus = sides.stream().collect(Collectors.groupingBy(TatoebaPairs.Side::status,
                Collectors.counting()));
        assertEquals(Map.of(DocumentStatus.OK, 3L, DocumentStatus.INVALID, 2L, DocumentStatus.EMPTY, 1L), byStatus);
        assertEquals("tatoeba.cmn-eng.tsv:3", sides.get(2).id());
        assertEquals(DocumentStatus.INVALID, sides.get(2).status());
        assertEquals("zh", sides.get(1).language());
        assertEquals(new TatoebaPairs.Side("tatoeba.cmn-eng.tsv:5:en", "en", " ", DocumentStatus.EMPTY), sides.get(4));
    }

    @Test
    void bytesThatAreNotUtf8AreInvalid() {
        byte[] bad = "orig_line\teng\tdeu\n0\tHello.\tHall\u00f6.\n".getBytes(StandardCharsets.ISO_8859_1);
        List<TatoebaPairs.Side> sides = TatoebaPairs.read("tatoeba.deu-eng.tsv", bad, null);
        assertEquals(List.of(DocumentStatus.OK, DocumentStatus.INVALID), sides.stream().map(TatoebaPairs.Side::status).toList());
    }

    @Test
    void theLanguageComesFromTheFileNameElseFromTheFlag() {
        assertEquals("es", TatoebaPairs.otherLanguage("tatoeba.spa-eng.tsv", "fr"));
        assertEquals("de", TatoebaPairs.otherLanguage("pairs.deu-eng.tsv", null));
        assertEquals("ja", TatoebaPairs.otherLanguage("dev.tsv", "ja"));
        InputException e = assertThrows(InputException.class, () -> TatoebaPairs.otherLanguage("dev.tsv", "und"));
        assertTrue(e.getMessage().contains("--language"), e.getMessage());
        assertThrows(InputException.class, () -> read("tatoeba.fra-eng.tsv", "eng\tfra\nA\tB\n", null));
    }

    @Test
    void theBundledDevSplitsReadCompletely() throws Exception {
        for (String code : List.of("cmn", "deu", "fra", "spa")) {
            String name = "tatoeba." + code + "-eng.tsv";
            List<TatoebaPairs.Side> sides = TatoebaPairs.read(name,
                    Files.readAllBytes(Fixtures.dataset("tatoeba").resolve(name)), null);
            Map<String, Long> byLanguage = sides.stream().filter(s -> s.status().equals(DocumentStatus.OK))
                    .collect(Collectors.groupingBy(TatoebaPairs.Side::language, Collectors.counting()));
            assertEquals(2, byLanguage.size(), name);
            assertEquals(700L, byLanguage.get("en"), name);
            assertEquals(1400, sides.size(), name);
        }
    }
}
