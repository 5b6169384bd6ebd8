package org.attentionatlas.reports;

import org.attentionatlas.engine.stats.HeadStat;
import org.attentionatlas.reports.data.AuditResults;
import org.attentionatlas.reports.data.HeadGroup;
import org.attentionatlas.reports.html.Html;
import org.attentionatlas.testkit.ReportPages;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The "Weights or norms?" part: layer means of the weight- and norm-based masses, only where the columns exist. */
class NormMassesPartTest {

    @TempDir
    Path tmp;

    /** Head h of layer l: cls_mass (l + 1)/10 + h/100; norm_cls_mass a tenth of it; NaN head 3 of layer 2. */
    private static HeadGroup group(boolean withNorms) {
        HeadGroup base = TestData.group("r1", "en", 1);
        Map<HeadStat, double[][]> stats = new EnumMap<>(HeadStat.class);
        base.stats().forEach((s, v) -> {
            if (withNorms || !s.column().startsWith("norm_")) {
                stats.put(s, v);
            }
        });
        double[][] cls = new double[TestData.LAYERS][TestData.HEADS];
        double[][] norm = new double[TestData.LAYERS][TestData.HEADS];
        for (int l = 0; l < TestData.LAYERS; l++) {
            for (int h = 0; h < TestData.HEADS; h++) {
                cls[l][h] = (l + 1) / 10.0 + h / 100.0;
                norm[l][h] = cls[l][h] / 10;
            }
        }
        norm[2][3] = Double.NaN;
        stats.put(HeadStat.CLS_MASS, cls);
        if (withNorms) {
            stats.put(HeadStat.NORM_CLS_MASS, norm);
        }
        return new HeadGroup(base.model(), base.revision(), base.dataset(), base.language(), base.layers(), base.heads(),
                stats, base.offsetHist(), base.roles(), base.tokens(), base.sequences());
    }

    @Test
    void layerMeansSkipMissingHeads() {
        HeadGroup g = group(true);
        assertArrayEquals(new double[] {0.115, 0.215, 0.315}, NormMassesPart.layerMeans(g, HeadStat.CLS_MASS), 1e-12);
        assertArrayEquals(new double[] {0.0115, 0.0215, 0.031}, NormMassesPart.layerMeans(g, HeadStat.NORM_CLS_MASS),
                1e-12);
    }

    @Test
    void rendersTheComparisonOnlyForGroupsWithNormColumns() throws Exception {
        AuditResults base = TestData.results("results-a", "r1", 1);
        AuditResults results = new AuditResults(base.source(), base.runs(), List.of(group(true)), base.samples());
        Path out = tmp.resolve("report");
        String html = Files.readString(AuditReport.write(results, null, out, ReportOptions.defaults()));
        ReportPages.assertLinksResolve(out.resolve("index.html"));
        String hover = FigureChecks.hoverTitles(out);
        String part = html.substring(html.indexOf("Weights or norms? (Kobayashi et al. 2020)"));
        assertTrue(part.contains("figures/norms-tiny-bert-r1-"), "the figure");
        assertTrue(hover.contains("title=\"weight-based α: layer 1, mass 0.215\""), "hoverable weight point");
        assertTrue(hover.contains("title=\"norm-based ‖α·f(x)‖: layer 2, mass 0.031\""), "hoverable norm point");
        assertTrue(part.contains("<td>2</td><td>0.315</td><td>0.031</td>"), "table row of layer 2");
        assertTrue(part.contains(Html.escape("SELECT layer, avg(cls_mass), avg(norm_cls_mass), avg(sep_mass)")),
                "the query in the caption");

        AuditResults old = new AuditResults(base.source(), base.runs(), List.of(group(false)), base.samples());
        Path oldOut = tmp.resolve("old");
        assertFalse(Files.readString(AuditReport.write(old, null, oldOut, ReportOptions.defaults()))
                .contains("Weights or norms?"), "results without norm columns show no such section");
    }
}
