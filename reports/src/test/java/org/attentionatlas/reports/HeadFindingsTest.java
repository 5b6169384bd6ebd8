package org.attentionatlas.reports;

import org.attentionatlas.engine.stats.HeadStat;
import org.attentionatlas.engine.stats.OffsetBuckets;
import org.attentionatlas.reports.data.AuditResults;
import org.attentionatlas.reports.data.HeadGroup;
import org.attentionatlas.reports.data.RunInfo;
import org.attentionatlas.reports.html.Finding;
import org.attentionatlas.testkit.ReportPages;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Findings generated from hand-made head statistics of 2 layers × 3 heads. */
class HeadFindingsTest {

    @TempDir
    Path tmp;

    /**
     * Every head broad-ish (entropy 2, nothing dominant: mixed) unless set: {@code prev} puts a previous-token head
     * at (layer, head) with that prev_mass and SE 0.01.
     */
    static HeadGroup group(String language, long sequences, int layer, int head, double prev) {
        Map<HeadStat, double[][]> stats = new EnumMap<>(HeadStat.class);
        Map<HeadStat, double[][]> errors = new EnumMap<>(HeadStat.class);
        for (HeadStat s : HeadStat.values()) {
            stats.put(s, new double[][] {{0.1, 0.1, 0.1}, {0.1, 0.1, 0.1}});
            errors.put(s, new double[][] {{0.01, 0.01, 0.01}, {0.01, 0.01, 0.01}});
        }
        stats.put(HeadStat.ENTROPY, new double[][] {{2, 2, 2}, {2, 2, 4.5}});
        stats.put(HeadStat.DISTANCE, new double[][] {{1, 2, 3}, {9, 8, 7}});
        stats.get(HeadStat.PREV_MASS)[layer][head] = prev;
        String[][] roles = {{"mixed", "mixed", "mixed"}, {"mixed", "mixed", "broad"}};
        roles[layer][head] = "previous-token";
        return new HeadGroup("m", "r1", "corpus", language, 2, 3, stats,
                new double[2][3][OffsetBuckets.count()], roles, sequences * 20, sequences, errors);
    }

    private final HeadGroup en = group("en", 294, 0, 2, 0.83);
    private final HeadGroup de = group("de", 10, 1, 1, 0.95);

    @Test
    void namesTheStrongestHeadOfEachRoleWithItsValueAndLeavesOutSmallGroups() {
        Map<String, List<Finding>> byDataset = new HeadFindings(50).byDataset(List.of(en, de));
        assertEquals(List.of("m @ r1 · corpus"), List.copyOf(byDataset.keySet()));
        List<Finding> findings = byDataset.get("m @ r1 · corpus");
        String text = String.join("\n", findings.stream().map(Finding::text).toList());
        assertTrue(text.contains("L0 H2 is the strongest previous-token head: 0.83 ± 0.01 of its "
                + "attention goes to the previous token (en, 294 sequences, 5,880 tokens)."), text);
        assertTrue(text.contains("L1 H2 is the strongest broad head: its attention is the most spread out, with an "
                + "entropy of 4.50 ± 0.01 nats (en"), text);
        assertFalse(text.contains("0.95"), "the 10-sequence group's stronger head is left out: " + text);
        assertTrue(text.contains("Too small to conclude (fewer than 50 sequences), so left out of these findings: "
                + "de 10 sequences, 200 tokens."), text);
        assertTrue(text.contains("In en, layer 0 looks nearest (mean attention distance 2.0 tokens"), text);
        assertTrue(text.contains("layer 1 farthest (8.0 tokens"), text);
        assertTrue(text.contains("Roles in en (6 heads): 1 broad (layer 1), 1 previous-token (layer 0), 4 mixed (layers 0–1)."), text);
        Finding prev = findings.stream().filter(f -> f.text().contains("previous-token head")).findFirst().orElseThrow();
        assertEquals("m-r1-corpus-en-statistics", prev.anchor());
    }

    @Test
    void withTwoLargeLanguagesNamesTheOneThatDiffersMost() {
        HeadGroup fr = group("fr", 120, 0, 2, 0.80);
        HeadGroup es = group("es", 80, 1, 0, 0.70);
        String text = String.join("\n", new HeadFindings(50).ofDataset(List.of(en, fr, es)).stream()
                .map(Finding::text).toList());
        assertTrue(text.contains("it has this role in 2 of 3 languages"), text);
        assertTrue(text.contains("Of en, fr, es, es differs most from the others"), text);
    }

    @Test
    void namesTheHeadThatChangedMostBetweenReleases() {
        HeadGroup next = group("en", 294, 0, 2, 0.43);
        AuditResults base = new AuditResults("a", List.of(), List.of(en, de), List.of());
        AuditResults other = new AuditResults("b", List.of(), List.of(
                new HeadGroup("m", "r2", "corpus", "en", 2, 3, next.stats(), next.offsetHist(), next.roles(),
                        next.tokens(), next.sequences(), next.errors()),
                group("de", 10, 0, 0, 0.1)), List.of());
        List<Finding> f = new HeadFindings(50).releases(base, other);
        assertEquals(1, f.size(), "de is too small in both");
        assertTrue(f.get(0).text().startsWith("From m @ r1 to m @ r2 on corpus / en, L0 H2 changed most: prev_mass "
                + "0.83 ± 0.01 → 0.43 ± 0.01 ("), f.get(0).text());
        assertEquals("sec-release-diff-b-against-a", f.get(0).anchor());
    }

    @Test
    void theReportLeadsWithTheFindingsAndFlagsTheSmallGroupEverywhere() throws Exception {
        AuditResults r = new AuditResults("results", List.of(new RunInfo("run-1", "m", "r1", "corpus",
                "2026-12-01T07:00:00Z", "{}")), List.of(en, de), List.of());
        Path out = tmp.resolve("report");
        Path index = AuditReport.write(r, null, out, ReportOptions.defaults());
        String html = Files.readString(index);
        ReportPages.assertLinksResolve(index);
        int findings = html.indexOf("<h2>Findings</h2>");
        assertTrue(findings >= 0 && findings < html.indexOf("<h2>Overview</h2>"), "findings come first");
        assertTrue(html.contains("L0 H2 is the strongest previous-token head: 0.83 ± 0.01 of its attention goes to "
                + "the previous token (en, 294 sequences, 5,880 tokens). <a href=\"#m-r1-corpus-en-statistics\">"));
        assertTrue(html.contains("<h4 id=\"sec-de\">de <small>10 sequences, 200 tokens — too small to conclude</small></h4>"),
                "the group's heading");
        assertTrue(html.contains("<td>de</td><td>2 × 3</td><td>10</td><td>200</td><td>too small to conclude</td>"),
                "the groups table");
        assertTrue(html.contains("<tr><td>m @ r1<td>corpus<td>en<td>0<td>2<td>previous-token<td>"),
                "the heads table");
        assertTrue(html.contains("<td>0.83±0.01<td>"), "a statistic ± its SE in the heads table");
        assertTrue(html.contains("<b>every statistic per layer and head — corpus / en</b> · run run-1 · model m @ r1"
                + " · sample 294 sequences, 5,880 tokens<br><code>"), "one caption with run, model, revision, sample, query");
        assertTrue(FigureChecks.hoverTitles(out).contains("title=\"L0 H2 prev_mass = 0.83 ± 0.01\""), "SE on hover");
    }
}
