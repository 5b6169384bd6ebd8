package org.attentionatlas.reports;

import org.attentionatlas.engine.attention.AttentionRollout;
import org.attentionatlas.engine.stats.HeadStat;
import org.attentionatlas.reports.data.AttentionSample;
import org.attentionatlas.reports.data.HeadGroup;
import org.attentionatlas.reports.figures.Comparisons;
import org.attentionatlas.reports.figures.FlowDiagram;
import org.attentionatlas.reports.figures.HeadHeatmaps;
import org.attentionatlas.reports.figures.HeadDifferenceRanking;
import org.attentionatlas.reports.figures.ProximalPreference;
import org.attentionatlas.reports.figures.TokenHeatmaps;
import org.attentionatlas.reports.render.Caption;
import org.attentionatlas.reports.render.Figure;
import org.attentionatlas.reports.render.FigureFiles;
import org.attentionatlas.reports.render.HotSpot;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class RenderersTest {

    static final Caption CAPTION = new Caption("run-1", "tiny-bert", "r1", "SELECT layer, head FROM head_stats");

    @TempDir
    Path dir;

    /** Writes at scale 2 and checks the PNG is twice the figure size and the SVG parses. */
    private List<HotSpot> check(Figure f, String stem) throws Exception {
        FigureFiles.Written w = FigureFiles.write(f, dir, stem, 2);
        FigureChecks.pngHasSize(dir.resolve(w.png()), 2 * f.width(), 2 * f.height());
        FigureChecks.svgParses(dir.resolve(w.svg()));
        String svg = Files.readString(dir.resolve(w.svg()));
        assertFalse(svg.contains("SELECT layer"), stem + ": the caption is the page's, not drawn into the figure");
        return w.hotSpots();
    }

    @Test
    void layerHeadHeatmapHasAHoverValuePerCell() throws Exception {
        HeadGroup g = TestData.group("r1", "en", 1);
        List<HotSpot> spots = check(HeadHeatmaps.stat(g, HeadStat.ENTROPY, CAPTION), "entropy");
        assertEquals(TestData.LAYERS * TestData.HEADS, spots.stream().filter(s -> s.title().contains("entropy_mean =")).count());
        assertTrue(spots.stream().anyMatch(s -> s.title().startsWith("layer 2, head 3: entropy_mean = ")));
        List<HotSpot> roles = check(HeadHeatmaps.roles(g, CAPTION), "roles");
        assertTrue(roles.stream().anyMatch(s -> s.title().endsWith("role = previous-token")));
    }

    @Test
    void pngScaleIsRespected() throws Exception {
        Figure f = HeadHeatmaps.stat(TestData.group("r1", "en", 1), HeadStat.SELF_MASS, CAPTION);
        FigureFiles.Written w = FigureFiles.write(f, dir, "scaled", 1.5);
        FigureChecks.pngHasSize(dir.resolve(w.png()), (int) Math.round(1.5 * f.width()),
                (int) Math.round(1.5 * f.height()));
        assertThrows(IllegalArgumentException.class, () -> FigureFiles.write(f, dir, "bad", 0));
    }

    @Test
    void tokenHeatmapsPerHeadPerLayerAndPerWord() throws Exception {
        AttentionSample s = TestData.sample("run-1");
        check(TokenHeatmaps.head(s, 1, 2, CAPTION), "head");
        check(TokenHeatmaps.layerMean(s, 0, CAPTION), "mean");
        List<HotSpot> words = check(TokenHeatmaps.wordLevel(s, 2, CAPTION), "words");
        // "Jer ##ry" is one word: 7 units (CLS, Tom, &, Jerry, "quoted", <b>, SEP) → 49 cells
        assertEquals(49, words.size());
        assertTrue(words.stream().anyMatch(h -> h.title().contains("3 Jerry")));
    }

    @Test
    void flowDiagramsForRawRolloutAndFlow() throws Exception {
        AttentionSample s = TestData.sample("run-1");
        AttentionRollout r = AttentionRollout.of(s.headMeans());
        check(new FlowDiagram("rollout", s.tokens(), r.edgeRelevance(0), 0.05, 100, CAPTION), "rollout");
        double[][][] none = new double[2][8][8];
        check(new FlowDiagram("empty", s.tokens(), none, 0.05, 100, CAPTION), "empty"); // no edges at all still draws
    }

    @Test
    void proximalPreferenceAndComparisons() throws Exception {
        HeadGroup en = TestData.group("r1", "en", 1);
        HeadGroup de = TestData.group("r1", "de", 2);
        List<HotSpot> points = check(ProximalPreference.of(en, CAPTION), "proximal");
        assertTrue(points.stream().anyMatch(p -> p.title().startsWith("layer 2: |offset| 1,")));
        check(Comparisons.sideBySide("entropy_mean", List.of("en", "de"),
                List.of(en.stat(HeadStat.ENTROPY), de.stat(HeadStat.ENTROPY)), CAPTION), "side");
        check(Comparisons.difference("entropy_mean", "de − en",
                HeadDifferenceRanking.difference(en.stat(HeadStat.ENTROPY), de.stat(HeadStat.ENTROPY)), CAPTION), "diff");
        var ranked = HeadDifferenceRanking.rank(Map.of(HeadStat.ENTROPY, List.of(en.stat(HeadStat.ENTROPY),
                de.stat(HeadStat.ENTROPY))), 5);
        assertEquals(5, ranked.size());
        assertFalse(check(Comparisons.ranking("top heads", ranked, CAPTION), "ranking").isEmpty());
    }

    @Test
    void emptyDataStillRenders() throws Exception {
        HeadGroup g = TestData.group("r1", "en", 1);
        double[][] missing = {{Double.NaN, Double.NaN}};
        HeadGroup empty = new HeadGroup("m", "r", "d", "l", 1, 2, Map.of(HeadStat.ENTROPY, missing),
                new double[1][2][g.offsetHist()[0][0].length], new String[1][2], 0, 0);
        check(HeadHeatmaps.stat(empty, HeadStat.ENTROPY, CAPTION), "nan");
        check(HeadHeatmaps.roles(empty, CAPTION), "no-roles");
        check(ProximalPreference.of(empty, CAPTION), "no-mass");
    }

    @Test
    void densityDividesBucketMassByItsWidth() {
        double[] hist = new double[31];
        int b = org.attentionatlas.engine.stats.OffsetBuckets.of(12); // +9..+16, 8 offsets
        hist[b] = 0.4;
        assertEquals(0.05, ProximalPreference.density(hist, b), 1e-12);
        assertEquals(Math.sqrt(9 * 16), ProximalPreference.typicalDistance(b), 1e-12);
        assertEquals(1, ProximalPreference.typicalDistance(org.attentionatlas.engine.stats.OffsetBuckets.of(-1)), 0);
    }
}
