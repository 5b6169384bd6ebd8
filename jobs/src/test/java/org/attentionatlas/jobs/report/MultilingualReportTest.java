package org.attentionatlas.jobs.report;

import org.apache.spark.sql.Row;
import org.attentionatlas.jobs.audit.RunSummary;
import org.attentionatlas.jobs.common.ResultStore;
import org.attentionatlas.jobs.testing.Audits;
import org.attentionatlas.jobs.testing.SharedSpark;
import org.attentionatlas.reports.ReportOptions;
import org.attentionatlas.results.AuditTables;
import org.attentionatlas.results.HeadSpecialisation;
import org.attentionatlas.results.LanguageHeadStats;
import org.attentionatlas.testkit.Fixtures;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A real small audit (minilm-l6) of Tatoeba pairs in three languages: the reader's rows, head_specialisation
 * committed with the run, and the report's "Multilingual heads" section.
 */
class MultilingualReportTest {

    @TempDir
    Path dir;

    /** The header and the first {@code pairs} pairs of a bundled Tatoeba file, plus {@code extra} lines. */
    private Path pairs(Path folder, String file, int pairs, String extra) throws Exception {
        List<String> lines = Files.readAllLines(Fixtures.dataset("tatoeba").resolve(file), StandardCharsets.UTF_8);
        Files.writeString(folder.resolve(file), String.join("\n", lines.subList(0, pairs + 1)) + "\n" + extra,
                StandardCharsets.UTF_8);
        return folder.resolve(file);
    }

    @Test
    void auditOfTatoebaPairsGivesHeadSpecialisationAndTheReportSection() throws Exception {
        Path input = Files.createDirectories(dir.resolve("tatoeba"));
        pairs(input, "tatoeba.fra-eng.tsv", 12, "99\tonly two fields\n");
        pairs(input, "tatoeba.deu-eng.tsv", 12, "");
        Files.writeString(input.resolve("SOURCE.md"), "not a pairs file");
        Path out = dir.resolve("out");
        RunSummary s = Audits.run(input, out, "--format", "tatoeba", "--sample-size", "1");
        assertEquals(49, s.documentsRead(), "2 files × 12 pairs × 2 sides + 1 malformed line");
        assertEquals(1, s.documentsInvalid());
        assertEquals(48, s.documentsNew());

        ResultStore store = new ResultStore(SharedSpark.get(), out.toString());
        Row run = store.table(AuditTables.RUNS).first();
        assertEquals("tatoeba", run.getAs("input_format"));
        Set<String> docs = store.table(AuditTables.DOCUMENTS).collectAsList().stream()
                .map(r -> r.getAs("doc_id") + "=" + r.getAs("language")).collect(Collectors.toSet());
        assertTrue(docs.contains("tatoeba.fra-eng.tsv:2:fr=fr"), docs.toString());
        assertTrue(docs.contains("tatoeba.deu-eng.tsv:13:en=en"), docs.toString());

        List<Row> rows = store.table(AuditTables.HEAD_SPECIALISATION).orderBy("layer", "head").collectAsList();
        assertEquals(6 * 12, rows.size(), "every head of minilm-l6");
        Row first = rows.get(0);
        assertEquals(List.of("de", "en", "fr"), first.getList(first.fieldIndex("languages")));
        assertEquals(List.of(12L, 24L, 12L), first.getList(first.fieldIndex("language_sequences")));
        assertEquals(List.of(), first.getList(first.fieldIndex("excluded_languages")));
        assertEquals(10L, first.<Long>getAs("min_sequences"));
        for (Row r : rows) {
            double sp = r.getAs("specificity");
            assertTrue(sp >= 0 && sp <= Math.log(2), "specificity " + sp);
        }
        // the committed row is the score of the committed head_stats of that head
        Row head = rows.get(3 * 12 + 5);
        List<LanguageHeadStats> perLanguage = new ArrayList<>();
        for (Row h : store.table(AuditTables.HEAD_STATS).where("layer = 3 AND head = 5").collectAsList()) {
            perLanguage.add(new LanguageHeadStats(h.getAs("language"), h.<Long>getAs("sequences"), h.<Long>getAs("tokens"),
                    h.<Double>getAs("entropy_mean"), h.<Double>getAs("cls_mass") + h.<Double>getAs("sep_mass"),
                    h.getAs("role"), h.<Double>getList(h.fieldIndex("offset_hist")).stream().mapToDouble(Double::doubleValue).toArray()));
        }
        HeadSpecialisation.Score expected = HeadSpecialisation.score(perLanguage, 10);
        assertEquals(expected.specificity(), head.<Double>getAs("specificity"), 1e-12);
        assertEquals(expected.mostDifferentLanguage(), head.getAs("most_different_language"));
        assertEquals(expected.roleAgreement(), head.<Double>getAs("role_agreement"), 1e-12);

        Path report = dir.resolve("report");
        String html = Files.readString(ReportCommand.run(SharedSpark.get(), out.toString(), null, report,
                ReportOptions.defaults()), StandardCharsets.UTF_8);
        assertTrue(html.contains("Multilingual heads"));
        assertTrue(html.contains("Head specialisation — minilm-l6"));
        assertTrue(html.contains("sample de 12 · en 24 · fr 12 sequences"), "sample size in the captions");
        assertTrue(html.contains("head roles per language: de, en, fr"), "role maps side by side");
        assertEquals(5, java.util.regex.Pattern.compile("<figure id=\"[^\"]*-profile-l\\d+h\\d+\"").matcher(html)
                .results().count(), "five profiled heads");

        // a rerun with a higher threshold audits nothing new and publishes an empty head_specialisation
        RunSummary again = Audits.run(input, out, "--format", "tatoeba", "--min-sequences", "20");
        assertEquals(0, again.documentsNew());
        assertEquals(0, store.table(AuditTables.HEAD_SPECIALISATION).count(), "de and fr have 12 sequences, en alone");
        String plain = Files.readString(ReportCommand.run(SharedSpark.get(), out.toString(), null, report,
                ReportOptions.defaults()), StandardCharsets.UTF_8);
        assertFalse(plain.contains("Multilingual heads"));
    }
}
