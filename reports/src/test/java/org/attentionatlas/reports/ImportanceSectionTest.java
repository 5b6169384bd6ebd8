package org.attentionatlas.reports;

import org.attentionatlas.engine.importance.PruningCurve;
import org.attentionatlas.reports.data.AuditResults;
import org.attentionatlas.reports.html.Html;
import org.attentionatlas.reports.importance.ImportanceResults;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The "Head importance" section from a hand-made 12 × 12 run, and its absence without importance results. */
class ImportanceSectionTest {

    @TempDir
    Path tmp;

    /** Accuracy 50 % unpruned, 49.5 % at 10 % (14 heads), 49.2 % at 20 % (28 heads), then 48.5 %: a 1-point fall. */
    static ImportanceResults results() {
        double[] accuracy = {0.50, 0.495, 0.492, 0.485, 0.46, 0.42, 0.35, 0.27, 0.18, 0.09};
        List<PruningCurve.Point> points = new ArrayList<>();
        for (int i = 0; i < accuracy.length; i++) {
            points.add(new PruningCurve.Point(i / 10.0, (int) Math.floor(i * 14.4 + 1e-9), 2 + i * 0.3, accuracy[i]));
        }
        double[][] importance = new double[12][12];
        for (int l = 0; l < 12; l++) {
            for (int h = 0; h < 12; h++) {
                importance[l][h] = (l + h) / 22.0;
            }
        }
        return new ImportanceResults(List.of(new ImportanceResults.Run("run-i", "bert-base-uncased", "1.0.0",
                "bundled", 315, 1234, importance, new PruningCurve(points))));
    }

    @Test
    void drawsTheCurveItsTableAndTheImportanceMap() throws Exception {
        AuditResults base = TestData.results("results-a", "r1", 1);
        Path out = tmp.resolve("report");
        String html = Files.readString(AuditReport.write(base, null, results(), null, out, ReportOptions.defaults()));
        AuditReportTest.checkReport(out, html, 1);
        String section = html.substring(html.indexOf("Head importance"));
        assertTrue(section.contains("28 of 144 heads can go before masked-LM accuracy falls by 1 point (50.0 % "
                + "unpruned"), section.substring(0, 2000));
        for (String f : List.of("importance-bert-base-uncased-bundled-pruning", "importance-bert-base-uncased-bundled-heads")) {
            assertTrue(section.contains(f + ".png") && section.contains(f + ".svg"), f);
        }
        assertTrue(section.contains("<td>30</td><td>43</td><td>2.900</td><td>48.50</td><td>-1.50</td>"),
                "the 30 % row of the table");
        assertTrue(section.contains(Html.escape("SELECT fraction, heads_pruned, mlm_loss, mlm_accuracy FROM "
                + "head_pruning WHERE run_id = 'run-i' AND model = 'bert-base-uncased' AND dataset = 'bundled'")));
        assertTrue(section.contains("sample 315 sequences, 1234 masked tokens"));
    }

    @Test
    void withoutImportanceResultsThereIsNoSection() throws Exception {
        String html = Files.readString(AuditReport.write(TestData.results("results-a", "r1", 1), null, null, null,
                tmp.resolve("plain"), ReportOptions.defaults()));
        assertFalse(html.contains("Head importance"));
    }
}
