package org.attentionatlas.reports;

import org.attentionatlas.reports.data.AuditResults;
import org.attentionatlas.reports.data.SpecialisedHead;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The "Multilingual heads" section from hand-made head_specialisation rows over TestData's en and de groups. */
class MultilingualSectionTest {

    @TempDir
    Path tmp;

    /** Specificity (l·4 + h) / 100: layer 2 head 3 is the most language-specific, then layer 2 head 2. */
    static List<SpecialisedHead> rows() {
        List<SpecialisedHead> out = new ArrayList<>();
        for (int l = 0; l < TestData.LAYERS; l++) {
            for (int h = 0; h < TestData.HEADS; h++) {
                double s = (l * TestData.HEADS + h) / 100.0;
                out.add(new SpecialisedHead("tiny-bert", "r1", "wiki <test>", l, h, List.of("de", "en"),
                        List.of(40L, 40L), List.of(1000L, 1000L), List.of("zh"), 10, s, List.of(s * 1.5, s * 0.5),
                        "de", 0.25, 0.125, List.of("mixed", "broad"), "broad", 0.5));
            }
        }
        return out;
    }

    @Test
    void rendersRoleMapsSpecificityTopHeadsAndProfiles() throws Exception {
        AuditResults base = TestData.results("results-a", "r1", 1);
        AuditResults withRows = new AuditResults(base.source(), base.runs(), base.groups(), base.samples(), rows());
        Path out = tmp.resolve("report");
        String html = Files.readString(AuditReport.write(withRows, null, out, ReportOptions.defaults()));
        AuditReportTest.checkReport(out, html, 1);

        String section = html.substring(html.indexOf("Multilingual heads"));
        assertTrue(section.contains("Left out for too few sequences: zh."), "excluded languages named");
        assertTrue(section.contains("de 40 · en 40 sequences"), "sample size");
        assertTrue(section.contains("sample de 40 · en 40 sequences"), "sample size in the captions");
        assertTrue(section.contains("SELECT layer, head, specificity FROM head_specialisation WHERE model = "),
                "the heatmap's query");
        assertTrue(FigureChecks.hoverTitles(out).contains("title=\"layer 2, head 3: specificity (nats) = 0.1100\""));
        // the ranking table: rank 1 is layer 2 head 3, rank 2 layer 2 head 2, with the most different language's JS
        assertTrue(section.matches("(?s).*<td>1</td><td>2</td><td>3</td><td>0\\.1100</td><td>de \\(0\\.1650\\)</td>.*"),
                "first row");
        assertTrue(section.matches("(?s).*<td>2</td><td>2</td><td>2</td><td>0\\.1000</td>.*"), "second row");
        assertTrue(section.contains("de: mixed, en: broad"), "roles per language");
        for (String head : List.of("l2h3", "l2h2", "l2h1", "l2h0", "l1h3")) {
            assertTrue(section.contains("-profile-" + head + ".png"), head);
        }
        assertFalse(section.contains("-profile-l1h2"), "only the top five heads are profiled");
        assertTrue(section.contains("roles — de (40 seq.)") || section.contains("head roles per language: de, en"),
                "role maps side by side");
    }

    @Test
    void noRowsNoSection() throws Exception {
        String html = Files.readString(AuditReport.write(TestData.results("a", "r1", 1), null, tmp.resolve("r"),
                ReportOptions.defaults()));
        assertFalse(html.contains("Multilingual heads"));
    }
}
