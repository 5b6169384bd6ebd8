package org.attentionatlas.reports;

import org.attentionatlas.engine.progress.Pacing;
import org.attentionatlas.reports.html.HtmlReport;
import org.attentionatlas.reports.html.Table;
import org.attentionatlas.reports.render.Caption;
import org.attentionatlas.reports.render.Figure;
import org.attentionatlas.reports.render.HotSpot;
import org.attentionatlas.testkit.ReportPages;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.awt.Graphics2D;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class HtmlReportTest {

    @TempDir
    Path tmp;

    /** A 40 × 30 figure that fills itself, or fails while drawing. */
    private static Figure box(boolean fail) {
        return new Figure() {
            public int width() {
                return 40;
            }

            public int height() {
                return 30;
            }

            public Caption caption() {
                return new Caption("run <1>", "m & n", "r", "SELECT 1");
            }

            public String title() {
                return "box \"one\"";
            }

            public List<HotSpot> draw(Graphics2D g) {
                if (fail) {
                    throw new IllegalStateException("drawing failed");
                }
                g.fillRect(0, 0, 40, 30);
                return List.of(new HotSpot("rect", "0,0,40,30", "value <5>"));
            }
        };
    }

    @Test
    void figuresKeepTheirOrderAndTextIsEscaped() throws Exception {
        Path out = tmp.resolve("r");
        try (HtmlReport html = HtmlReport.create(out, 3, "T & <T>")) {
            html.section("One", "intro <b>");
            for (int i = 0; i < 6; i++) {
                html.figure(box(false), "Box " + i);
            }
            html.table(new Table("t", List.of("a"), List.of(List.of("<x>"))));
            html.commit();
        }
        String page = Files.readString(out.resolve("index.html"));
        for (int i = 0; i < 5; i++) {
            assertTrue(page.indexOf("figures/box-" + i + ".png") < page.indexOf("figures/box-" + (i + 1) + ".png"));
        }
        assertTrue(page.contains("<title>T &amp; &lt;T&gt;</title>"));
        assertTrue(page.contains("data-map=\"figures/box-0.map.js\""), "hover values in a file loaded on demand");
        assertEquals("atlasMap(\"box-0\",[\n[\"rect\",\"0,0,40,30\",\"value \\u003c5\\u003e\"]\n]);\n",
                Files.readString(out.resolve("figures/box-0.map.js")));
        assertTrue(page.contains("loading=\"lazy\""));
        assertTrue(page.contains("run &lt;1&gt; · model m &amp; n @ r"));
        assertTrue(page.contains("<td>&lt;x&gt;</td>"));
        assertTrue(page.indexOf("</section>") > page.indexOf("&lt;x&gt;"), "the table is inside its section");
        FigureChecks.pngHasSize(out.resolve("figures/box-0.png"), 120, 90);
    }

    @Test
    void contentsNestHeadingsAndLinkedPagesHoldTheirFigures() throws Exception {
        Path out = tmp.resolve("r");
        try (HtmlReport html = HtmlReport.create(out, 1, "T")) {
            html.section("Heads", null);
            html.subheading("wiki", "2 languages");
            html.minorHeading("en", "40 sequences");
            html.figure(box(false), "summary");
            html.beginLinkedPage("en-all", "Every figure of en", "all figures →");
            html.subheading("Full size");
            html.figure(box(false), "full");
            assertThrows(IllegalStateException.class, () -> html.section("Nested", null));
            html.endLinkedPage();
            html.minorHeading("de", null);
            html.section("Table", null);
            html.sortableTable(new Table("every head", List.of("head", "value"), List.of(List.of("L0 H1", "0.5±0.1"))));
            html.commit();
        }
        Path index = out.resolve("index.html");
        String page = Files.readString(index);
        String toc = page.substring(page.indexOf("<nav id=\"toc\">"));
        assertTrue(toc.contains("<ul>\n<li><a href=\"#sec-heads\">Heads</a><ul>\n<li><a href=\"#sec-wiki\">wiki</a><ul>\n"
                + "<li><a href=\"#sec-en\">en</a></li>\n<li><a href=\"#sec-de\">de</a></li></ul></li></ul></li>\n"
                + "<li><a href=\"#sec-table\">Table</a></li></ul>"), toc);
        assertFalse(toc.contains("Full size"), "a linked page's headings stay out of the index's contents");
        assertTrue(page.contains("<h4 id=\"sec-en\">en <small>40 sequences</small></h4>"));
        assertTrue(page.contains("<p class=\"more\"><a href=\"page-en-all.html\">all figures →</a></p>"));
        assertFalse(page.contains("figures/full.png"), "the linked page's figure is not on the index");
        String linked = Files.readString(out.resolve("page-en-all.html"));
        assertTrue(linked.contains("<a href=\"index.html\">← T</a>") && linked.contains("figures/full.png"));
        assertTrue(page.contains("<input type=\"search\"") && page.contains("<table class=\"sortable\" id=\"table-every-head\">"));
        assertTrue(page.contains("<tr><td>L0 H1<td>0.5±0.1\n</tbody>"), "long tables leave out optional end tags");
        ReportPages.assertLinksResolve(index);
    }

    @Test
    void commitCountsTheFiguresRenderedOfTotal() throws Exception {
        ByteArrayOutputStream console = new ByteArrayOutputStream();
        try (HtmlReport html = HtmlReport.create(tmp.resolve("r"), 1, "T")) {
            html.reportProgress(new PrintStream(console, true, StandardCharsets.UTF_8), new Pacing(0, 0, true));
            html.section("One", null);
            for (int i = 0; i < 4; i++) {
                html.figure(box(false), "Box " + i);
            }
            html.commit();
        }
        List<String> lines = console.toString(StandardCharsets.UTF_8).lines().toList();
        List<Integer> done = lines.stream()
                .map(l -> Integer.parseInt(l.replaceAll("^report progress: (\\d+)/4 figures .*$", "$1"))).toList();
        for (int i = 1; i < done.size(); i++) {
            assertTrue(done.get(i) > done.get(i - 1), lines.toString()); // figures finished, counted as they finish
        }
        assertTrue(lines.get(lines.size() - 1).matches("report progress: 4/4 figures \\(100%\\), [0-9.]+ figures/s, ETA -"),
                lines.toString());
    }

    @Test
    void aFailedFigureLeavesNeitherAReportNorTemporaries() throws Exception {
        Path out = tmp.resolve("r");
        try (HtmlReport html = HtmlReport.create(out, 1, "t")) {
            html.figure(box(false), "good");
            html.figure(box(true), "bad");
            assertThrows(IllegalStateException.class, html::commit);
        }
        assertFalse(Files.exists(out));
        try (Stream<Path> s = Files.list(tmp)) {
            assertEquals(0, s.count());
        }
    }
}
