package org.attentionatlas.datasets;

import org.junit.jupiter.api.Test;

import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class BundledCorpusTest {

    @Test
    void committedFileIsTheGeneratorOutput() {
        assertEquals(CorpusGenerator.jsonl(), BundledCorpus.jsonl(),
                "corpora/bundled.jsonl differs from CorpusGenerator; regenerate it (see CorpusGenerator javadoc)");
    }

    @Test
    void holdsAFewHundredDocumentsInFiveLanguagesAndOneLongText() {
        List<CorpusDocument> docs = BundledCorpus.documents();
        assertTrue(docs.size() >= 300 && docs.size() <= 500, "documents: " + docs.size());
        Set<String> ids = new HashSet<>();
        docs.forEach(d -> assertTrue(ids.add(d.id()), "duplicate id " + d.id()));
        Map<String, Long> perLang = docs.stream().collect(Collectors.groupingBy(CorpusDocument::lang, Collectors.counting()));
        assertEquals(Set.of("en", "zh", "fr", "de", "es"), perLang.keySet());
        CorpusDocument longest = docs.stream().max((a, b) -> Integer.compare(a.text().length(), b.text().length())).orElseThrow();
        assertTrue(longest.text().split("\\s+").length > 3000, "the long text has " + longest.text().split("\\s+").length + " words");
        assertTrue(docs.stream().anyMatch(d -> d.text().startsWith("The doctor asked the")));
    }
}
