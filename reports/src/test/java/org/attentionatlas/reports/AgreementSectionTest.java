package org.attentionatlas.reports;

import org.attentionatlas.reports.agreement.AgreementResults;
import org.attentionatlas.reports.agreement.AgreementResults.PairTau;
import org.attentionatlas.reports.data.AuditResults;
import org.attentionatlas.reports.html.Html;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** "Does attention explain the prediction?" from hand-made agreement rows: 4 texts × 2 method pairs. */
class AgreementSectionTest {

    @TempDir
    Path tmp;

    /**
     * last-layer × ig: τ 0.2, −0.4, 0.6, 0.0 (p 0.01, 0.01, 0.03, 0.9) — mean 0.1, quartiles −0.1 / 0.1 / 0.3, two of
     * four significantly positive, overlap 1/3; norm-based × ig: τ 0.5, −0.8, none, 0.1 — mean −0.067, quartiles
     * −0.35 / 0.1 / 0.3, one of three significantly positive. Mean τ per text: t2 −0.6 &lt; t4 0.05 &lt; t1 0.35 &lt; t3 0.6.
     */
    static AgreementResults results() {
        double[] last = {0.2, -0.4, 0.6, 0.0};
        double[] lastP = {0.01, 0.01, 0.03, 0.9};
        double[] lastK = {1 / 3.0, 0, 2 / 3.0, 1 / 3.0};
        double[] norm = {0.5, -0.8, Double.NaN, 0.1};
        double[] normP = {0.02, 0.001, Double.NaN, 0.5};
        double[] normK = {2 / 3.0, 0, 1 / 3.0, 1 / 3.0};
        List<PairTau> rows = new ArrayList<>();
        for (int t = 0; t < 4; t++) {
            String id = "t" + (t + 1);
            String text = "The doctor asked text " + (t + 1) + " [MASK] .";
            rows.add(new PairTau(id, text, "her", "last-layer", "ig", last[t], lastP[t], lastK[t]));
            rows.add(new PairTau(id, text, "her", "norm-based", "ig", norm[t], normP[t], normK[t]));
        }
        return new AgreementResults(List.of(new AgreementResults.Run("run-g", "bert-base-uncased", "1.0.0",
                "winobias", rows)));
    }

    @Test
    void drawsTheTauDistributionPerPairAndTheMostDisagreeingTexts() throws Exception {
        AuditResults base = TestData.results("results-a", "r1", 1);
        Path out = tmp.resolve("report");
        String html = Files.readString(AuditReport.write(base, null, null, results(), null, out,
                ReportOptions.defaults()));
        AuditReportTest.checkReport(out, html, 1);
        String section = html.substring(html.indexOf("Does attention explain the prediction?"));
        String figure = "agreement-bert-base-uncased-winobias";
        assertTrue(section.contains(figure + ".png") && section.contains(figure + ".svg"), figure);
        assertTrue(section.contains("<td>last-layer</td><td>ig</td><td>4</td><td>+0.10</td><td>-0.10</td><td>0.10</td>"
                + "<td>0.30</td><td>50</td><td>0.33</td>"), section.substring(0, Math.min(4000, section.length())));
        assertTrue(section.contains("<td>norm-based</td><td>ig</td><td>3 (1 without τ)</td><td>-0.07</td><td>-0.35</td>"
                + "<td>0.10</td><td>0.30</td><td>33</td><td>0.33</td>"), "the norm-based row");
        int t2 = section.indexOf("<td>t2</td>");
        int t4 = section.indexOf("<td>t4</td>");
        int t1 = section.indexOf("<td>t1</td>");
        int t3 = section.indexOf("<td>t3</td>");
        assertTrue(t2 >= 0 && t2 < t4 && t4 < t1 && t1 < t3, "lowest mean τ first: " + t2 + " " + t4 + " " + t1 + " "
                + t3);
        assertTrue(section.contains("<td>t2</td><td>The doctor asked text 2 [MASK] .</td><td>her</td><td>-0.60</td>"
                + "<td>norm-based × ig -0.80</td>"), "the most disagreeing text with its lowest pair");
        assertTrue(section.contains(Html.escape("SELECT text_id, attention_method, attribution_method, tau, p_value, "
                + "top_k_overlap FROM agreement WHERE run_id = 'run-g' AND model = 'bert-base-uncased' AND dataset = "
                + "'winobias'")));
        assertTrue(section.contains("sample 4 texts, 8 text × pair rows"));
    }

    @Test
    void withoutAgreementResultsThereIsNoSection() throws Exception {
        String html = Files.readString(AuditReport.write(TestData.results("results-a", "r1", 1), null, null, null,
                tmp.resolve("plain"), ReportOptions.defaults()));
        assertFalse(html.contains("Does attention explain the prediction?"));
    }
}
