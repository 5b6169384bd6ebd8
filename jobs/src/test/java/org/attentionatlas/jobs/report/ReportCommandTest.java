package org.attentionatlas.jobs.report;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.attentionatlas.datasets.BundledCorpus;
import org.attentionatlas.datasets.CorpusDocument;
import org.attentionatlas.jobs.testing.Audits;
import org.attentionatlas.jobs.testing.SharedSpark;
import org.attentionatlas.reports.ReportOptions;
import org.attentionatlas.reports.html.HtmlReport;
import org.attentionatlas.testkit.ReportPages;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import javax.imageio.ImageIO;
import javax.xml.parsers.DocumentBuilderFactory;
import java.awt.image.BufferedImage;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Two small real audits (minilm-l6, English and German) rendered into one report with a release diff. */
class ReportCommandTest {

    private static final Pattern SVG = Pattern.compile("href=\"(figures/[^\"]+\\.svg)\"");
    private static final Pattern IMG = Pattern.compile("<img src=\"([^\"]+)\" loading=\"lazy\" width=\"(\\d+)\" height=\"(\\d+)\"");

    @TempDir
    Path dir;

    @Test
    void rendersTheReportOfASmallAudit() throws Exception {
        Path a = audit("a", 0);
        Path b = audit("b", 3);
        Path out = dir.resolve("report");
        Path index = ReportCommand.run(SharedSpark.get(), a.toString(), b.toString(), out,
                ReportOptions.defaults().withScale(2));
        String html = Files.readString(index, StandardCharsets.UTF_8);

        for (String section : List.of("Heads — minilm-l6", "Languages compared", "Release diff", "Sample ",
                "attention flow into token 0 [CLS]", "entropy_mean", "role")) {
            assertTrue(html.contains(section), "report lacks " + section);
        }
        List<String> refs = ReportPages.assertLinksResolve(index); // every file, anchor and linked page resolves
        StringBuilder pages = new StringBuilder(html);
        for (String ref : refs) {
            if (ref.endsWith(".html")) {
                pages.append(Files.readString(out.resolve(ref), StandardCharsets.UTF_8));
            }
        }
        int svgs = 0;
        for (Matcher svg = SVG.matcher(pages); svg.find(); svgs++) {
            DocumentBuilderFactory x = DocumentBuilderFactory.newInstance();
            x.setFeature("http://apache.org/xml/features/nonvalidating/load-external-dtd", false);
            assertEquals("svg", x.newDocumentBuilder().parse(out.resolve(svg.group(1)).toFile()).getDocumentElement()
                    .getNodeName());
        }
        Matcher img = IMG.matcher(pages);
        int pngs = 0;
        while (img.find()) {
            BufferedImage png = ImageIO.read(out.resolve(img.group(1)).toFile());
            assertNotNull(png, img.group(1));
            assertEquals(2 * Integer.parseInt(img.group(2)), png.getWidth(), img.group(1));
            assertEquals(2 * Integer.parseInt(img.group(3)), png.getHeight(), img.group(1));
            pngs++;
        }
        assertEquals(pngs, svgs, "one SVG per PNG");
        assertTrue(pngs > 50, "figures: " + pngs);
        assertTrue(html.contains("FROM head_stats WHERE model = &#39;minilm-l6&#39;"), "captions carry the query");
    }

    @Test
    void anEmptyResultsFolderIsRefusedAndNothingIsWritten() throws Exception {
        Path empty = Files.createDirectories(dir.resolve("empty-results"));
        Path out = dir.resolve("report");
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> ReportCommand.run(SharedSpark.get(), empty.toString(), null, out, ReportOptions.defaults()));
        assertEquals("--results " + empty + " holds no committed audit, bias, align, importance or agreement run; "
                + "nothing to report", e.getMessage());
        assertFalse(Files.exists(out));
    }

    @Test
    void onlyAnEmptyFolderOrAPreviousReportIsReplaced() throws Exception {
        HtmlReport.checkReplaceable(dir.resolve("absent"));
        HtmlReport.checkReplaceable(Files.createDirectories(dir.resolve("empty")));
        Path previous = Files.createDirectories(dir.resolve("previous"));
        Files.writeString(previous.resolve(HtmlReport.MARKER), "");
        Files.writeString(previous.resolve("index.html"), "<html></html>");
        HtmlReport.checkReplaceable(previous);
        Path other = Files.createDirectories(dir.resolve("other"));
        Files.writeString(other.resolve("thesis.tex"), "months of work");
        assertTrue(assertThrows(IllegalArgumentException.class, () -> HtmlReport.checkReplaceable(other)).getMessage()
                .contains("is a folder that is not an Attention Atlas report"));
        Path file = Files.writeString(dir.resolve("notes.txt"), "keep me");
        assertEquals(file + " is a file, not a report folder; not replacing it",
                assertThrows(IllegalArgumentException.class, () -> HtmlReport.checkReplaceable(file)).getMessage());
    }

    /** Audits four English and four German documents starting at {@code from}, sampling one document. */
    private Path audit(String name, int from) throws Exception {
        Map<String, List<CorpusDocument>> byLang = new LinkedHashMap<>();
        for (CorpusDocument d : BundledCorpus.documents()) {
            if (d.lang().equals("en") || d.lang().equals("de")) {
                byLang.computeIfAbsent(d.lang(), k -> new ArrayList<>()).add(d);
            }
        }
        StringBuilder jsonl = new StringBuilder();
        ObjectMapper json = new ObjectMapper();
        for (List<CorpusDocument> docs : byLang.values()) {
            for (CorpusDocument d : docs.subList(from, from + 4)) {
                jsonl.append(json.writeValueAsString(Map.of("id", d.id(), "lang", d.lang(), "text", d.text())))
                        .append('\n');
            }
        }
        Path input = dir.resolve(name + ".jsonl");
        Files.writeString(input, jsonl.toString(), StandardCharsets.UTF_8);
        Path out = dir.resolve(name);
        Audits.run(input, out, "--id-field", "id", "--lang-field", "lang", "--dataset", "bundled", "--max-length", "32",
                "--sample-size", "1");
        return out;
    }
}
