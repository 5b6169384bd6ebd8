package org.attentionatlas.testkit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Checks on a rendered report page: every reference in it resolves. */
public final class ReportPages {

    private static final Pattern FILE_REF = Pattern.compile("(?:src|href|data-map)=\"([^\"#][^\"]*)\"");
    private static final Pattern ANCHOR_REF = Pattern.compile("(?:href|usemap)=\"#([^\"]+)\"");
    private static final Pattern ID = Pattern.compile("\\s(?:id|name)=\"([^\"]+)\"");

    private ReportPages() {
    }

    /**
     * Every src, href and hover-map script of {@code index} names a file beside it, every {@code #anchor} (links and
     * image maps) names an id or map in the page, and no id is given twice; the same for every page it links to.
     * Returns the files the index refers to.
     */
    public static List<String> assertLinksResolve(Path index) throws IOException {
        List<String> files = checkPage(index);
        for (String f : files) {
            if (f.endsWith(".html")) {
                checkPage(index.resolveSibling(f));
            }
        }
        return files;
    }

    private static List<String> checkPage(Path page) throws IOException {
        String html = Files.readString(page);
        Path dir = page.getParent();
        List<String> files = new ArrayList<>();
        Matcher f = FILE_REF.matcher(html);
        while (f.find()) {
            String ref = f.group(1);
            assertTrue(!ref.contains("://"), page.getFileName() + ": external reference " + ref);
            assertTrue(Files.isRegularFile(dir.resolve(ref)), page.getFileName() + ": missing file " + ref);
            files.add(ref);
        }
        Set<String> ids = new HashSet<>();
        Matcher id = Pattern.compile("\\sid=\"([^\"]+)\"").matcher(html);
        while (id.find()) {
            assertTrue(ids.add(id.group(1)), page.getFileName() + ": id given twice: " + id.group(1));
        }
        Matcher named = ID.matcher(html);
        while (named.find()) {
            ids.add(named.group(1));
        }
        Matcher a = ANCHOR_REF.matcher(html);
        while (a.find()) {
            assertTrue(ids.contains(a.group(1)), page.getFileName() + ": no element with id " + a.group(1));
        }
        assertEquals(false, files.isEmpty(), "no files referred to in " + page);
        return files;
    }

    /** Every hover text of a report's figures (their {@code figures/*.map.js}, loaded by the page on demand). */
    public static List<String> hoverTexts(Path report) throws IOException {
        List<String> out = new ArrayList<>();
        ObjectMapper json = new ObjectMapper();
        try (Stream<Path> files = Files.list(report.resolve("figures"))) {
            for (Path f : files.filter(p -> p.toString().endsWith(".map.js")).sorted().toList()) {
                String js = Files.readString(f);
                JsonNode areas = json.readTree(js.substring(js.indexOf(",[") + 1, js.lastIndexOf(')')));
                for (JsonNode a : areas) {
                    out.add(a.get(2).asText());
                }
            }
        }
        return out;
    }
}
