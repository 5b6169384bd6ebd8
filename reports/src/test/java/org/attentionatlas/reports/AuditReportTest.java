package org.attentionatlas.reports;

import org.attentionatlas.reports.html.Html;
import org.attentionatlas.testkit.ReportPages;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class AuditReportTest {

    private static final Pattern IMG = Pattern.compile("<img src=\"([^\"]+)\" loading=\"lazy\" width=\"(\\d+)\" height=\"(\\d+)\"");
    private static final Pattern REF = Pattern.compile("(?:src|href)=\"([^\"#]+)\"");

    @TempDir
    Path tmp;

    @Test
    void everyReferencedFileExistsAndDecodes() throws Exception {
        Path out = tmp.resolve("report");
        Path index = AuditReport.write(TestData.results("results-a", "r1", 1), TestData.results("results-b", "r2", 5),
                out, ReportOptions.defaults().withScale(2));
        assertEquals(out.resolve("index.html").toAbsolutePath(), index);
        String html = Files.readString(index);
        checkReport(out, html, 2);

        assertTrue(html.contains("Languages compared"), "cross-language section");
        assertTrue(html.contains("Release diff"), "release section");
        assertTrue(html.contains("Heads that changed most"), "release ranking");
        assertTrue(html.contains("attention flow into token 0 [CLS]"), "flow diagram");
        assertTrue(Files.readString(out.resolve("figures/tiny-bert-r1-wiki-test-en-entropy_mean.map.js"))
                .contains("\"layer 0, head 0: entropy_mean = "), "hover values, loaded on demand");
        assertTrue(Files.readString(out.resolve("page-tiny-bert-r1-wiki-test-en-statistics.html"))
                .contains("data-map=\"figures/tiny-bert-r1-wiki-test-en-entropy_mean.map.js\""), "full size, one click away");
        assertTrue(html.contains("wiki &lt;test&gt;"), "escaped text");
        assertFalse(html.contains("<test>"), "unescaped text");
        assertFalse(html.contains("http://") || html.contains("https://"), "no external resources");
    }

    /** Every src/href resolves to a file; each img's PNG is scale × its size; each SVG parses. */
    static void checkReport(Path out, String html, double scale) throws Exception {
        ReportPages.assertLinksResolve(out.resolve("index.html"));
        List<String> refs = new ArrayList<>();
        Matcher m = REF.matcher(html);
        while (m.find()) {
            refs.add(m.group(1));
        }
        assertFalse(refs.isEmpty());
        int svgs = 0;
        for (String ref : refs) {
            Path f = out.resolve(ref);
            assertTrue(Files.isRegularFile(f), "missing " + ref);
            if (ref.endsWith(".svg")) {
                FigureChecks.svgParses(f);
                svgs++;
            }
        }
        int pngs = 0;
        Matcher img = IMG.matcher(html);
        while (img.find()) {
            int w = Integer.parseInt(img.group(2));
            int h = Integer.parseInt(img.group(3));
            FigureChecks.pngHasSize(out.resolve(img.group(1)), (int) Math.round(w * scale), (int) Math.round(h * scale));
            pngs++;
        }
        assertEquals(pngs, svgs, "one SVG per PNG");
        assertTrue(pngs > 10, "figures: " + pngs);
    }

    @Test
    void rewritingReplacesTheOldReportAndLeavesNoTemporaries() throws Exception {
        Path out = tmp.resolve("r");
        AuditReport.write(TestData.results("a", "r1", 1), null, out, ReportOptions.defaults());
        Files.writeString(out.resolve("stale.txt"), "old");
        AuditReport.write(TestData.results("a", "r1", 1), null, out, ReportOptions.defaults());
        assertFalse(Files.exists(out.resolve("stale.txt")));
        try (Stream<Path> s = Files.list(tmp)) {
            assertEquals(List.of(out), s.toList());
        }
        String html = Files.readString(out.resolve("index.html"));
        assertFalse(html.contains("Release diff"));
        checkReport(out, html, 1);
    }

    @Test
    void escapesMarkup() {
        assertEquals("&lt;a href=&quot;x&quot;&gt;Tom &amp; Jerry&#39;s&lt;/a&gt;",
                Html.escape("<a href=\"x\">Tom & Jerry's</a>"));
    }
}
