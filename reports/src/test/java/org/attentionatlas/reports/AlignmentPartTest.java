package org.attentionatlas.reports;

import org.attentionatlas.engine.align.Link;
import org.attentionatlas.reports.data.AlignExample;
import org.attentionatlas.reports.data.AlignScore;
import org.attentionatlas.reports.data.AuditResults;
import org.attentionatlas.reports.html.Html;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The cross-language alignment part of "Multilingual heads" from hand-made align_layers and align_heads rows. */
class AlignmentPartTest {

    @TempDir
    Path tmp;

    private static AlignScore layer(String pair, String method, int layer, double aer) {
        return new AlignScore("run-a", "mbert-cased", "r1", pair, method, layer, -1, aer, 1 - aer, 1 - aer, 447);
    }

    /**
     * enfr: softmax AER (6 + 2·|l − 8|) % (6.0 % at layer 8), argmax 2 points above, attention-mean 50 %; heads
     * (40 + l + h) % except layer 5 head 3 (20 %) and layer 7 head 1 (25 %), precision AER-complement + 5 points,
     * recall − 5 points. deen (no published point): the same layer curves, no heads.
     */
    static List<AlignScore> rows() {
        List<AlignScore> out = new ArrayList<>();
        for (String pair : List.of("enfr", "deen")) {
            for (int l = 0; l <= 12; l++) {
                double softmax = (6 + 2 * Math.abs(l - 8)) / 100.0;
                out.add(layer(pair, "softmax", l, softmax));
                out.add(layer(pair, "argmax", l, softmax + 0.02));
                if (l > 0) {
                    out.add(layer(pair, "attention-mean", l, 0.5));
                }
            }
        }
        for (int l = 0; l < 12; l++) {
            for (int h = 0; h < 12; h++) {
                double aer = l == 5 && h == 3 ? 0.20 : l == 7 && h == 1 ? 0.25 : (40 + l + h) / 100.0;
                out.add(new AlignScore("run-a", "mbert-cased", "r1", "enfr", AlignScore.HEAD, l, h, aer,
                        1 - aer + 0.05, 1 - aer - 0.05, 447));
            }
        }
        return out;
    }

    @Test
    void rendersCurvesWithThePublishedPointAndTheHeadMapWithTheBestHeads() throws Exception {
        AuditResults base = TestData.results("results-a", "r1", 1);
        AuditResults withRows = new AuditResults(base.source(), base.runs(), base.groups(), base.samples(), List.of(),
                rows());
        Path out = tmp.resolve("report");
        String html = Files.readString(AuditReport.write(withRows, null, out, ReportOptions.defaults()));
        AuditReportTest.checkReport(out, html, 1); // every figure file exists, PNGs decode at their size, SVGs parse

        String section = html.substring(html.indexOf("Multilingual heads"));
        for (String f : List.of("alignment-enfr-mbert-cased-layers", "alignment-enfr-mbert-cased-heads",
                "alignment-deen-mbert-cased-layers")) {
            assertTrue(section.contains(f + ".png") && section.contains(f + ".svg"), f);
        }
        assertFalse(section.contains("alignment-deen-mbert-cased-heads"), "deen has no head rows");
        String enfr = section.substring(section.indexOf("Cross-language alignment — mbert-cased @ r1, enfr"),
                section.indexOf("Cross-language alignment — mbert-cased @ r1, deen"));
        assertTrue(enfr.contains("Published: Dou &amp; Neubig 2021, Table 2, layer 8 softmax AER 5.6 %; ours 6.0 %."),
                enfr.substring(0, 600));
        String hovers = FigureChecks.hoverTitles(out);
        assertTrue(hovers.contains("title=\"Dou &amp; Neubig 2021, Table 2, layer 8 softmax: layer 8, AER 5.6 %\""),
                "the published point is drawn and hoverable");
        assertTrue(hovers.contains("title=\"softmax: layer 8, AER 6.0 %\""), "our point");
        assertTrue(enfr.contains(Html.escape("SELECT method, layer, aer FROM align_layers WHERE run_id = 'run-a' AND "
                + "model = 'mbert-cased' AND revision = 'r1' AND language_pair = 'enfr'")), "the curve's query");
        assertTrue(enfr.contains("sample 447 sentences"), "sample size in the captions");
        String table = enfr.substring(enfr.indexOf("Best attention heads"));
        table = table.substring(0, table.indexOf("</table>"));
        assertTrue(table.contains("<td>1</td><td>5</td><td>3</td><td>20.0</td><td>85.0</td><td>75.0</td>"), table);
        assertTrue(table.contains("<td>2</td><td>7</td><td>1</td><td>25.0</td><td>80.0</td><td>70.0</td>"), table);
        assertTrue(table.contains("<td>3</td><td>0</td><td>0</td><td>40.0</td>"), table);
        assertTrue(table.contains("<td>4</td><td>0</td><td>1</td><td>41.0</td>"), table);
        assertTrue(table.contains("<td>5</td><td>1</td><td>0</td><td>41.0</td>"), table);
        assertEquals(AlignmentPart.BEST_HEADS * 6, table.split("<td>", -1).length - 1, "five heads listed");

        String deen = section.substring(section.indexOf("Cross-language alignment — mbert-cased @ r1, deen"));
        assertFalse(deen.contains("Published:"), "no published point for deen");
        assertTrue(deen.contains("No gold alignment for deen"), deen.substring(0, 600));
    }

    /** An enfr pair of {@code n} × {@code n} words, predicted the diagonal's first {@code hits} links plus 0-1. */
    private static AlignExample example(long line, int n, int hits) {
        List<String> src = new ArrayList<>();
        List<String> tgt = new ArrayList<>();
        StringBuilder sure = new StringBuilder();
        StringBuilder predicted = new StringBuilder("0-1");
        for (int i = 0; i < n; i++) {
            src.add("s" + i);
            tgt.add("t" + i);
            sure.append(i).append('-').append(i).append(' ');
            if (i < hits) {
                predicted.append(' ').append(i).append('-').append(i);
            }
        }
        return new AlignExample("run-a", "mbert-cased", "r1", "enfr", "enfr.src-tgt", line, "softmax", 8, src, tgt,
                Link.parseAll(predicted.toString()), Link.parseAll(sure.toString()), Link.parseAll(""));
    }

    /**
     * Sentence AER of {@link #example}: 1 − 2·hits / (hits + 1 + n). The corpus AER of softmax at layer 8 is 6 %.
     * Line 1 (3 words) and line 2 (16) are out of the size range; the rest ranked by |AER − 6 %|: lines 3 and 6
     * (8 words, all hit: 1/17 = 5.9 %; the tie broken by line), then line 5 (10 words, all hit: 1/21 = 4.8 %); line 4
     * (8 words, 4 hit: 5/13 = 38.5 %) is the fourth and left out.
     */
    @Test
    void drawsTheTypicalShortPairsAsMatrices() throws Exception {
        List<AlignExample> examples = List.of(example(1, 3, 3), example(2, 16, 16), example(3, 8, 8),
                example(4, 8, 4), example(5, 10, 10), example(6, 8, 8));
        assertEquals(List.of(3L, 6L, 5L), AlignmentPart.typical(examples, 0.06).stream().map(AlignExample::line)
                .toList());

        AuditResults base = TestData.results("results-a", "r1", 1);
        AuditResults withRows = new AuditResults(base.source(), base.runs(), base.groups(), base.samples(), List.of(),
                rows(), examples);
        Path out = tmp.resolve("report");
        String html = Files.readString(AuditReport.write(withRows, null, out, ReportOptions.defaults()));
        AuditReportTest.checkReport(out, html, 1);
        String enfr = html.substring(html.indexOf("Cross-language alignment — mbert-cased @ r1, enfr"),
                html.indexOf("Cross-language alignment — mbert-cased @ r1, deen"));
        assertTrue(enfr.contains("alignment-enfr-mbert-cased-matrices.png"), "the matrices figure");
        assertTrue(enfr.contains(Html.escape("SELECT line, src, tgt, links, gold_sure, gold_possible FROM align_links "
                + "WHERE run_id = 'run-a' AND model = 'mbert-cased' AND revision = 'r1' AND language_pair = 'enfr' "
                + "AND head IS NULL AND line IN (3, 6, 5)")), "the caption's query names the drawn lines");
        assertTrue(enfr.contains("sample 3 of 447 sentence pairs: 4–15 words per side, sentence AER closest to the "
                + "corpus AER 6.0 %"), "the caption's sample");
        assertTrue(FigureChecks.hoverTitles(out).contains("title=\"s0 – t1: predicted, not in gold\""), "cells are hoverable");
        assertTrue(enfr.contains("Drawn pairs (line: source ||| target): 3: s0 s1"), "the drawn pairs as text");
        assertFalse(html.contains("alignment-deen-mbert-cased-matrices"), "deen has no examples");
    }
}
