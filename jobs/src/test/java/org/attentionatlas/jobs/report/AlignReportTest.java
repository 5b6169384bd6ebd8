package org.attentionatlas.jobs.report;

import org.apache.spark.sql.Row;
import org.attentionatlas.jobs.align.Aligns;
import org.attentionatlas.jobs.common.ResultStore;
import org.attentionatlas.jobs.testing.SharedSpark;
import org.attentionatlas.reports.ReportOptions;
import org.attentionatlas.results.AlignTables;
import org.attentionatlas.testkit.ReportPages;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Two real small alignment runs (minilm-l6, enfr with gold, {@code --links}) into one results folder with no audit:
 * the report renders the alignment part of "Multilingual heads" from the latest run, its alignment matrices included.
 */
class AlignReportTest {

    @TempDir
    Path dir;

    private String align(Path output, String name, List<String> pairs, List<String> gold) throws Exception {
        Path input = Files.createDirectories(dir.resolve(name)).resolve("enfr.src-tgt");
        Path goldFile = input.resolveSibling("enfr.gold");
        Files.writeString(input, String.join("\n", pairs) + "\n");
        Files.writeString(goldFile, String.join("\n", gold) + "\n");
        return Aligns.run("--model", "minilm-l6", "--input", input.toString(), "--gold", goldFile.toString(),
                "--output", output.toString(), "--partitions", "1", "--links");
    }

    @Test
    void alignOnlyResultsRenderTheAlignmentPartFromTheLatestRun() throws Exception {
        Path out = dir.resolve("results");
        align(out, "first", List.of("the house is small . ||| la maison est petite .", "i see the dog ||| je vois le chien",
                "good morning ||| bonjour"), List.of("1-1 2-2 3-3 4-4 5-5", "1-1 2-2 3-3 4-4", "1-1 2-1"));
        String latest = align(out, "second", List.of("the cat sleeps on the mat ||| le chat dort sur le tapis",
                "thank you ||| merci", "i see the dog ||| je vois le chien", "good night ||| bonne nuit"),
                List.of("1-1 2-2 3-3 4-4 5-5 6-6", "1-1 2-1", "1-1 2-2 3p3 4-4", "1-1 2-2"));

        ResultStore store = new ResultStore(SharedSpark.get(), out.toString());
        Row best = store.table(AlignTables.HEADS).where("run_id = '" + latest + "'")
                .orderBy("aer", "layer", "head").first();

        Path report = dir.resolve("report");
        String html = Files.readString(ReportCommand.run(SharedSpark.get(), out.toString(), null, report,
                ReportOptions.defaults()), StandardCharsets.UTF_8);
        // the page's body (the table of contents after it lists the headings again)
        String section = html.substring(html.indexOf("Multilingual heads"), html.indexOf("<nav id=\"toc\">"));
        assertTrue(section.contains("Cross-language alignment — minilm-l6 @ "), "the part's heading");
        for (String f : List.of("alignment-enfr-minilm-l6-layers", "alignment-enfr-minilm-l6-heads",
                "alignment-enfr-minilm-l6-matrices")) {
            assertTrue(Files.isRegularFile(report.resolve("figures").resolve(f + ".png")), f);
            assertTrue(Files.isRegularFile(report.resolve("figures").resolve(f + ".svg")), f);
        }
        assertTrue(section.contains("run " + latest + " · model minilm-l6"), "captions name the latest run");
        assertTrue(section.contains("sample 4 sentences"), "the latest run's four pairs");
        assertFalse(section.contains("sample 3 sentences"), "not the first run's");
        // lines 1 and 3 have at least 4 words a side, lines 2 and 4 do not; the drawn lines are named in the caption
        assertTrue(section.matches("(?s).*AND head IS NULL AND line IN \\((1, 3|3, 1)\\).*"), "the drawn lines");
        assertTrue(section.contains("sample 2 of 4 sentence pairs: 4–15 words per side"), "the matrices' sample");
        String hovers = String.join("\n", ReportPages.hoverTexts(report));
        assertTrue(hovers.contains("dog – chien: "), "a hoverable cell of the real run");
        assertTrue(hovers.contains("the – le: not predicted, gold sure") || hovers.contains("the – le: predicted, "
                + "gold sure"), "gold sure links of line 3 are drawn");
        assertTrue(section.contains("Published: Dou &amp; Neubig 2021, Table 2, layer 8 softmax AER 5.6 %; ours not "
                + "measured."), "minilm-l6 has six layers");
        assertTrue(section.contains(String.format(Locale.ROOT, "<td>1</td><td>%d</td><td>%d</td><td>%.1f</td><td>%.1f"
                + "</td><td>%.1f</td>", best.<Integer>getAs("layer"), best.<Integer>getAs("head"),
                100 * best.<Double>getAs("aer"), 100 * best.<Double>getAs("precision"),
                100 * best.<Double>getAs("recall"))), "the best head of the latest run first");
        assertEquals(1, section.split("Cross-language alignment — ", -1).length - 1, "one part per model and pair");
    }
}
