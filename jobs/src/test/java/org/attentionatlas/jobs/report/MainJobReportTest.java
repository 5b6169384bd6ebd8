package org.attentionatlas.jobs.report;

import org.attentionatlas.jobs.testing.Audits;
import org.attentionatlas.jobs.testing.SharedSpark;
import org.attentionatlas.reports.AuditReport;
import org.attentionatlas.reports.ReportOptions;
import org.attentionatlas.reports.data.AuditResults;
import org.attentionatlas.reports.data.HeadGroup;
import org.attentionatlas.results.HeadRoles;
import org.attentionatlas.testkit.Fixtures;
import org.attentionatlas.testkit.ReportPages;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The README's main job as a new user runs it — the audit of the bundled corpus with the defaults, then the report —
 * and what they get: a light first page that leads with findings, says how much data stands behind every group and
 * figure, and links nowhere that does not exist. Writes the first screen to docs/img/report.png for the README.
 */
class MainJobReportTest {

    static final long MAX_INDEX_BYTES = 500_000;
    static final long MAX_SCREENSHOT_BYTES = 150_000;
    private static final Pattern FIGURE = Pattern.compile("<figure id=\"([^\"]+)\">.*?<figcaption>(.*?)</figcaption>",
            Pattern.DOTALL);

    @TempDir
    Path dir;

    @Test
    void theFirstPageIsLightLeadsWithFindingsAndEveryLinkResolves() throws Exception {
        Path results = dir.resolve("results");
        Audits.run(null, results); // ./submit.sh audit: minilm-l6 over the bundled corpus, every default
        AuditResults read = new ResultReader(SharedSpark.get()).read(results.toString(), 3);
        // as ./submit.sh report --results results --out report, with the folder named as the README names it
        AuditResults r = new AuditResults("results", read.runs(), read.groups(), read.samples(), read.specialisation(),
                read.alignment());
        ReportOptions options = ReportOptions.defaults();
        Path index = AuditReport.write(r, null, dir.resolve("report"), options);
        String html = Files.readString(index, StandardCharsets.UTF_8);

        long bytes = Files.size(index);
        assertTrue(bytes <= MAX_INDEX_BYTES, "index.html is " + bytes + " bytes");
        ReportPages.assertLinksResolve(index);

        String findings = html.substring(html.indexOf("<h2>Findings</h2>"), html.indexOf("<h2>Overview</h2>"));
        List<HeadGroup> eligible = r.groups().stream().filter(g -> !g.tooSmall(options.minSequences())).toList();
        List<HeadGroup> small = r.groups().stream().filter(g -> g.tooSmall(options.minSequences())).toList();
        assertFalse(eligible.isEmpty(), "the bundled corpus has a group of " + options.minSequences() + " sequences");
        assertFalse(small.isEmpty(), "and groups below it");
        for (String role : HeadRoles.ALL) {
            boolean present = eligible.stream().anyMatch(g -> List.of(g.roles()).stream()
                    .anyMatch(row -> List.of(row).contains(role)));
            if (present && !role.equals(HeadRoles.MIXED)) {
                assertTrue(Pattern.compile("<li>L\\d+ H\\d+ is the strongest " + role + " head: [^<]*\\d\\.\\d+[^<]* "
                        + "<a href=\"#[^\"]+\">").matcher(findings).find(), role + " head named with its number and link");
            }
        }
        for (HeadGroup g : small) {
            assertTrue(html.contains(g.language() + " <small>" + g.sampleSize() + " — too small to conclude</small>"),
                    g.language() + " is marked in its heading");
            for (String sentence : findings.split("<li>")) {
                if (!sentence.startsWith("Too small to conclude")) {
                    assertFalse(sentence.contains("(" + g.language() + ", "), g.language() + " is left out: " + sentence);
                }
            }
            assertTrue(findings.contains(g.language() + " " + g.sampleSize()), "named as too small: " + g.language());
        }

        int figures = 0;
        Matcher f = FIGURE.matcher(html);
        while (f.find()) {
            String caption = f.group(2);
            for (String part : List.of(" · run ", " · model ", " @ ", " · sample ", "<code>SELECT ")) {
                assertTrue(caption.contains(part), f.group(1) + "'s caption lacks '" + part + "': " + caption);
            }
            figures++;
        }
        assertEquals(countOf(html, "<figure "), figures);
        assertTrue(figures > 10, "figures on the first page: " + figures);

        Path screenshot = Fixtures.root().resolve("docs/img/report.png");
        Screenshots.firstScreen(index, 1280, 720, screenshot); // above the run ids and times: stable across runs
        long shot = Files.size(screenshot);
        assertTrue(shot < MAX_SCREENSHOT_BYTES, "docs/img/report.png is " + shot + " bytes");
    }

    private static int countOf(String s, String part) {
        List<Integer> at = new ArrayList<>();
        for (int i = s.indexOf(part); i >= 0; i = s.indexOf(part, i + 1)) {
            at.add(i);
        }
        return at.size();
    }
}
