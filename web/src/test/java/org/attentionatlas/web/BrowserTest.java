package org.attentionatlas.web;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

import javax.imageio.ImageIO;
import javax.xml.parsers.DocumentBuilderFactory;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.Base64;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The page in real headless Chromium: head view values, the multi-head colour overlay, the address keeping the state,
 * compare mode, flow view, exports, hostile text, a 500-token text.
 */
class BrowserTest {

    private static ChromeDriver driver;
    private static Path artifacts;
    private static Path downloads;

    @BeforeAll
    static void open() throws Exception {
        artifacts = TestServer.artifacts();
        downloads = Files.createDirectories(artifacts.resolve("downloads"));
        try (Stream<Path> old = Files.list(downloads)) { // a file from an earlier run must not pass for a new one
            for (Path p : old.toList()) {
                Files.delete(p);
            }
        }
        driver = Browser.start(downloads);
    }

    @AfterAll
    static void close() {
        if (driver != null) {
            driver.quit();
        }
    }

    private static JavascriptExecutor js() {
        return driver;
    }

    private static void load() {
        driver.get(TestServer.base() + "/");
        new WebDriverWait(driver, Duration.ofSeconds(30))
                .until(d -> "true".equals(d.findElement(By.tagName("body")).getAttribute("data-ready")));
    }

    private static String runText(String text) {
        String before = driver.findElement(By.tagName("body")).getAttribute("data-run");
        WebElement box = driver.findElement(By.id("text"));
        box.clear();
        if (text.length() <= 200) {
            box.sendKeys(text); // typed like a user
        } else {
            js().executeScript("arguments[0].value = arguments[1];", box, text); // typing 2,000 characters is slow
        }
        driver.findElement(By.id("run")).click();
        new WebDriverWait(driver, Duration.ofMinutes(2)).until(d -> {
            String error = d.findElement(By.id("error")).getText();
            if (!error.isEmpty()) {
                throw new AssertionError("the page shows an error: " + error);
            }
            String now = d.findElement(By.tagName("body")).getAttribute("data-run");
            return now != null && !now.equals(before);
        });
        return driver.findElement(By.tagName("body")).getAttribute("data-run");
    }

    private static void waitForFigure(String view, Map<String, String> attributes) {
        Browser.waitForFigure(driver, view, attributes);
    }

    private static void setThreshold(double t) {
        js().executeScript("const e = document.getElementById('threshold'); e.value = arguments[0];"
                + "e.dispatchEvent(new Event('input')); e.dispatchEvent(new Event('change'));", String.valueOf(t));
    }

    @Test
    void headViewMatchesTheApiThenFlowViewAndExports() throws Exception {
        load();
        setThreshold(0);
        String sentence = "The doctor asked the nurse to help her with the report.";
        String run = runText(sentence);
        new Select(driver.findElement(By.id("layer"))).selectByValue("2");
        new Select(driver.findElement(By.id("head"))).selectByValue("3");
        waitForFigure("head", Map.of("data-layer", "2", "data-head", "3", "data-run", run));

        JsonNode api = TestServer.json(TestServer.get("/api/attention?run=" + run + "&layer=2&head=3"));
        JsonNode a = api.get("attention");
        int n = a.size();
        @SuppressWarnings("unchecked")
        List<List<Object>> lines = (List<List<Object>>) js().executeScript(
                "return Array.from(document.querySelectorAll('#figure line.attn')).map(l => "
                        + "[l.getAttribute('data-q'), l.getAttribute('data-k'), l.getAttribute('data-w')]);");
        assertEquals(n * n, lines.size(), "one line per query × key pair at threshold 0");
        boolean[][] seen = new boolean[n][n];
        for (List<Object> l : lines) {
            int q = Integer.parseInt((String) l.get(0));
            int k = Integer.parseInt((String) l.get(1));
            assertFalse(seen[q][k]);
            seen[q][k] = true;
            assertEquals(a.get(q).get(k).asDouble(), Double.parseDouble((String) l.get(2)), 1e-7, q + "," + k);
        }
        List<WebElement> labels = driver.findElements(By.cssSelector("#figure text.token.query"));
        assertEquals(n, labels.size());
        new Actions(driver).moveToElement(labels.get(2)).perform();
        Number visible = (Number) js().executeScript("return Array.from(document.querySelectorAll('#figure line.attn'))"
                + ".filter(l => getComputedStyle(l).display !== 'none').length;");
        assertEquals(n, visible.intValue(), "hovering a token isolates its lines");
        Files.write(artifacts.resolve("head-view.png"), driver.getScreenshotAs(OutputType.BYTES));

        driver.findElement(By.id("words")).click(); // word level: one label per word, "report" and "." apart
        waitForFigure("head", Map.of("data-words", "true"));
        JsonNode words = TestServer.json(TestServer.get("/api/attention?run=" + run + "&layer=2&head=3&words=true"));
        assertEquals(words.get("labels").size(), driver.findElements(By.cssSelector("#figure text.token.query")).size());
        driver.findElement(By.id("words")).click();
        waitForFigure("head", Map.of("data-words", "false"));

        setThreshold(0.02);
        driver.findElement(By.cssSelector("#views button[data-view=flow]")).click();
        waitForFigure("flow", Map.of("data-kind", "raw"));
        assertTrue(driver.findElements(By.cssSelector("#figure line.attn")).size() > n);
        new Select(driver.findElement(By.id("flowKind"))).selectByValue("rollout");
        waitForFigure("flow", Map.of("data-kind", "rollout"));
        Files.write(artifacts.resolve("flow-view.png"), driver.getScreenshotAs(OutputType.BYTES));

        WebElement figure = driver.findElement(By.id("figure"));
        int width = Integer.parseInt(figure.getAttribute("width"));
        int height = Integer.parseInt(figure.getAttribute("height"));
        byte[] svg = exported("svg", 1);
        Files.write(artifacts.resolve("flow-export.svg"), svg);
        DocumentBuilderFactory dbf = DocumentBuilderFactory.newInstance();
        dbf.setNamespaceAware(true);
        assertEquals("svg", dbf.newDocumentBuilder().parse(new ByteArrayInputStream(svg)).getDocumentElement()
                .getLocalName());
        for (int scale : new int[] {1, 2, 4}) {
            byte[] png = exported("png", scale);
            BufferedImage img = ImageIO.read(new ByteArrayInputStream(png));
            assertEquals(width * scale, img.getWidth());
            assertEquals(height * scale, img.getHeight());
            Files.write(artifacts.resolve("flow-export@" + scale + "x.png"), png);
        }
        // the buttons themselves: the 2× PNG lands in the download folder
        driver.findElement(By.id("export-png-2")).click();
        Path file = awaitDownload("atlas-flow@2x.png");
        BufferedImage downloaded = ImageIO.read(file.toFile());
        assertEquals(width * 2, downloaded.getWidth());
        Files.copy(file, artifacts.resolve("downloaded-flow@2x.png"), StandardCopyOption.REPLACE_EXISTING);
    }

    private static byte[] exported(String format, int scale) {
        @SuppressWarnings("unchecked")
        Map<String, Object> d = (Map<String, Object>) js().executeAsyncScript(
                "const done = arguments[arguments.length - 1];"
                        + "window.atlasExport(arguments[0], arguments[1]).then(done, e => done({error: e.message}));",
                format, scale);
        assertNull(d.get("error"));
        String url = (String) d.get("dataUrl");
        return Base64.getDecoder().decode(url.substring(url.indexOf(',') + 1));
    }

    private static Path awaitDownload(String name) throws Exception {
        long end = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (System.nanoTime() < end) {
            Path p = downloads.resolve(name);
            if (Files.isRegularFile(p) && Files.size(p) > 0) {
                return p;
            }
            Thread.sleep(200);
        }
        try (Stream<Path> s = Files.list(downloads)) {
            throw new AssertionError("no " + name + " in " + downloads + ": " + s.toList());
        }
    }

    @Test
    void translationFillsThePairViewAtThePickedHead() throws Exception {
        load();
        driver.findElement(By.id("translation")).sendKeys("Ich mag grünen Tee .");
        runText("I like green tea .");
        waitForFigure("pair", Map.of());
        new Select(driver.findElement(By.id("layer"))).selectByValue("2");
        new Select(driver.findElement(By.id("head"))).selectByValue("3");
        waitForFigure("pair", Map.of("data-layer", "2", "data-head", "3"));
        String pair = driver.findElement(By.id("figure")).getAttribute("data-pair");
        JsonNode api = TestServer.json(TestServer.get("/api/pair?pair=" + pair + "&layer=2&head=3"));
        @SuppressWarnings("unchecked")
        List<Object> counts = (List<Object>) js().executeScript("return [document.querySelectorAll('#figure line.attn')"
                + ".length, document.querySelectorAll('#figure line.sim').length, Array.from(document.querySelectorAll("
                + "'#figure text')).map(t => t.textContent).join(' ')];");
        assertEquals(5L * 5L, counts.get(0), "one line per source × target word");
        assertEquals((long) api.get("similarity").size(), counts.get(1));
        assertTrue(((String) counts.get(2)).contains("grünen"), (String) counts.get(2));
        Files.write(artifacts.resolve("pair-view.png"), driver.getScreenshotAs(OutputType.BYTES));

        // the head average and the page's similarity-layer picker
        new Select(driver.findElement(By.id("head"))).selectByValue("mean");
        waitForFigure("pair", Map.of("data-head", "mean"));
        new Select(driver.findElement(By.id("simLayer"))).selectByValue("3");
        waitForFigure("pair", Map.of("data-head", "mean", "data-sim-layer", "3"));
        JsonNode mean = TestServer.json(TestServer.get("/api/pair?pair=" + pair + "&layer=2&head=mean&simLayer=3"));
        @SuppressWarnings("unchecked")
        List<Object> drawn = (List<Object>) js().executeScript("return [document.querySelectorAll('#figure line.sim')"
                + ".length, Array.from(document.querySelectorAll('#figure line.attn')).map(l => "
                + "l.getAttribute('stroke-width')).join(' '), document.querySelector('#figure text').textContent];");
        assertEquals((long) mean.get("similarity").size(), drawn.get(0), "the layer-3 similarity links");
        String[] strokes = ((String) drawn.get(1)).split(" ");
        int k = 0;
        for (JsonNode row : mean.get("sourceToTarget")) { // widths 0.5 + 3 × (weight / the row's largest)
            double max = 0;
            for (JsonNode w : row) {
                max = Math.max(max, w.asDouble());
            }
            for (JsonNode w : row) {
                assertEquals(0.5 + 3 * w.asDouble() / max, Double.parseDouble(strokes[k++]), 1e-6, "line " + k);
            }
        }
        assertEquals(strokes.length, k, "one line per source × target word");
        assertTrue(((String) drawn.get(2)).contains("layer 2 heads averaged"), (String) drawn.get(2));
    }

    @Test
    void attributionViewColoursTokensWithTheApisScores() throws Exception {
        load();
        WebElement box = driver.findElement(By.id("text"));
        box.clear();
        box.sendKeys("The doctor asked the nurse to help her.");
        driver.findElement(By.cssSelector("#views button[data-view=attribution]")).click();
        new WebDriverWait(driver, Duration.ofSeconds(60)).until(d -> d.findElement(By.id("attrCompare")).isDisplayed());
        assertFalse(driver.findElement(By.id("attrTarget")).isDisplayed(), "minilm-l6 has no MLM head: no target word");
        driver.findElement(By.id("attribute")).click();
        waitForFigure("attribution", Map.of("data-method", "ig"));
        String id = driver.findElement(By.id("figure")).getAttribute("data-attribution");
        JsonNode api = TestServer.json(TestServer.get("/api/attribution?attribution=" + id));
        @SuppressWarnings("unchecked")
        List<List<Object>> tokens = (List<List<Object>>) js().executeScript("return Array.from(document.querySelectorAll("
                + "'#figure g.attr-token')).map(g => [g.querySelector('text.token').textContent, g.getAttribute('data-score'),"
                + " g.querySelector('rect').getAttribute('fill')]);");
        assertEquals(api.get("tokens").size(), tokens.size());
        int max = 0;
        for (int i = 0; i < tokens.size(); i++) {
            assertEquals(api.get("tokens").get(i).asText(), tokens.get(i).get(0));
            assertEquals(api.get("scores").get(i).asDouble(), Double.parseDouble((String) tokens.get(i).get(1)), 0.0);
            if (Math.abs(api.get("scores").get(i).asDouble()) > Math.abs(api.get("scores").get(max).asDouble())) {
                max = i;
            }
        }
        String strongest = (String) tokens.get(max).get(2);
        assertEquals(api.get("scores").get(max).asDouble() > 0 ? "rgb(178,24,43)" : "rgb(33,102,172)", strongest,
                "the largest |score| takes the end of the diverging scale");
        assertTrue(driver.findElement(By.id("attrGap")).getText().startsWith("completeness gap"));
        Files.write(artifacts.resolve("attribution-view.png"), driver.getScreenshotAs(OutputType.BYTES));
        byte[] png = exported("png", 2);
        assertEquals(2 * AttributionFigure.WIDTH, ImageIO.read(new ByteArrayInputStream(png)).getWidth());
    }

    @Test
    void hostileTextIsShownAsTextAndRunsNoScript() throws Exception {
        load();
        String text = "<script>window.pwned = 1</script><img src=x onerror=\"window.pwned = 2\"> <b>bold</b> & done";
        runText(text);
        waitForFigure("head", Map.of());
        assertNull(js().executeScript("return window.pwned === undefined ? null : window.pwned;"));
        assertEquals(text, driver.findElement(By.id("runText")).getText());
        assertTrue(driver.findElements(By.cssSelector("#runText *, #view script, #view img, #view b")).isEmpty());
        String labels = (String) js().executeScript("return Array.from(document.querySelectorAll('#figure text.token'))"
                + ".map(t => t.textContent).join(' ');");
        assertTrue(labels.contains("script") && labels.contains("<"), labels);
        driver.findElement(By.cssSelector("#views button[data-view=heatmap]")).click();
        waitForFigure("heatmap", Map.of());
        Files.write(artifacts.resolve("hostile-text-heatmap.png"), driver.getScreenshotAs(OutputType.BYTES));
        assertNull(js().executeScript("return window.pwned === undefined ? null : window.pwned;"));
    }

    @Test
    void resultsBrowsingShowsRunsAndFiltersHeadsByRole() throws Exception {
        load();
        driver.findElement(By.id("loadResults")).click();
        new WebDriverWait(driver, Duration.ofSeconds(30)).until(d -> d.findElements(By.cssSelector("#headsView rect.head")).size() == 72);
        assertTrue(driver.findElement(By.id("runsTable")).getText().contains("minilm-l6"));
        new Select(driver.findElement(By.id("stat"))).selectByValue("prev_mass");
        new Select(driver.findElement(By.id("role"))).selectByValue("previous-token");
        new WebDriverWait(driver, Duration.ofSeconds(30)).until(d -> d.findElements(By.cssSelector("#headsView rect.head")).size() == 6);
        for (WebElement r : driver.findElements(By.cssSelector("#headsView rect.head"))) {
            assertEquals("previous-token", r.getAttribute("data-role"));
            assertEquals("3", r.getAttribute("data-head"));
        }
        js().executeScript("document.getElementById('results').scrollIntoView();");
        Files.write(artifacts.resolve("results-previous-token.png"), driver.getScreenshotAs(OutputType.BYTES));
    }

    @Test
    void biasTableShowsHeadlineNumbersAndTopHeads() throws Exception {
        load();
        driver.findElement(By.id("loadResults")).click();
        WebDriverWait wait = new WebDriverWait(driver, Duration.ofSeconds(30));
        wait.until(d -> d.findElements(By.cssSelector("#biasTable tr")).size() == 4); // header + 3 committed rows
        String summary = driver.findElement(By.id("biasTable")).getText();
        assertTrue(summary.contains("0.0188") && summary.contains("[0.0167, 0.0211]") && summary.contains("0.573"),
                summary);
        assertTrue(!summary.contains("other") && !summary.contains("9.5"), "uncommitted run shown: " + summary);
        new Select(driver.findElement(By.id("biasMetric"))).selectByValue("coref_gap");
        wait.until(d -> d.findElements(By.cssSelector("#biasHeads tr")).size() == 11); // header + 10 heads
        List<WebElement> first = driver.findElements(By.cssSelector("#biasHeads tr:nth-child(2) td"));
        assertEquals(List.of("minilm-l6", "winobias", "all", "4", "7", "-0.09", "[0, 0.1]", "0.01", "792", "1"),
                first.stream().map(WebElement::getText).toList());
        js().executeScript("document.getElementById('biasTable').scrollIntoView();");
        Files.write(artifacts.resolve("results-bias.png"), driver.getScreenshotAs(OutputType.BYTES));
    }

    @Test
    void fiveHundredTokenTextStaysUsable() throws Exception {
        load();
        setThreshold(0.05);
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < 99; i++) { // 5 tokens each ("word", "##7", "is", "here", "."), 497 with [CLS] and [SEP]
            text.append("word").append(i % 50).append(" is here. ");
        }
        String run = runText(text.toString());
        JsonNode api = TestServer.json(TestServer.get("/api/attention?run=" + run + "&layer=0&head=mean"));
        int n = api.get("labels").size();
        assertTrue(n >= 450 && n <= 512, "tokens: " + n);
        waitForFigure("head", Map.of("data-run", run));
        WebElement figure = driver.findElement(By.id("figure"));
        assertTrue(Integer.parseInt(figure.getAttribute("data-lines-kept")) <= 4000);
        // the tab still runs scripts, and the model view (pooled thumbnails) finishes
        assertEquals(1L, js().executeScript("return 1;"));
        driver.findElement(By.cssSelector("#views button[data-view=model]")).click();
        waitForFigure("model", Map.of());
        assertEquals(6 * 12, driver.findElements(By.cssSelector("#figure image.thumb")).size());
        driver.findElements(By.cssSelector("#figure image.thumb")).get(2 * 12 + 3).click();
        waitForFigure("head", Map.of("data-layer", "2", "data-head", "3"));
        Files.write(artifacts.resolve("long-text-head-view.png"), driver.getScreenshotAs(OutputType.BYTES));
        System.out.println("500-token text: " + n + " tokens");
    }

    private static String freshRun(double threshold, String text) {
        load();
        setThreshold(threshold);
        return runText(text);
    }

    private static String svgRoot(byte[] svg) throws Exception {
        DocumentBuilderFactory dbf = DocumentBuilderFactory.newInstance();
        dbf.setNamespaceAware(true);
        return dbf.newDocumentBuilder().parse(new ByteArrayInputStream(svg)).getDocumentElement().getLocalName();
    }

    /** [head, q, k, w, computed stroke] of every line in the figure (or in one of its panels). */
    @SuppressWarnings("unchecked")
    private static List<List<Object>> lines(String scope) {
        return (List<List<Object>>) js().executeScript("return Array.from(document.querySelectorAll(arguments[0] + "
                + "' line.attn')).map(l => [l.getAttribute('data-head'), +l.getAttribute('data-q'), "
                + "+l.getAttribute('data-k'), l.getAttribute('data-w'), getComputedStyle(l).stroke]);", scope);
    }

    private static int above(JsonNode m, double threshold) {
        int n = 0;
        for (JsonNode row : m) {
            for (JsonNode w : row) {
                n += w.asDouble() > 0 && w.asDouble() >= threshold ? 1 : 0;
            }
        }
        return n;
    }

    private static String heads(int... hs) {
        return IntStream.of(hs).mapToObj(String::valueOf).collect(Collectors.joining(","));
    }

    private static WebElement swatch(int head) {
        return driver.findElement(By.cssSelector("#figure rect.swatch[data-head='" + head + "']"));
    }

    @Test
    void headViewOverlaysOneColourPerHeadTogglesAndStepsWithArrows() throws Exception {
        String run = freshRun(0.1, "The doctor asked the nurse to help her with the report.");
        new Select(driver.findElement(By.id("layer"))).selectByValue("1");
        int[] every = IntStream.range(0, 12).toArray();
        waitForFigure("head", Map.of("data-layer", "1", "data-head", "all", "data-heads", heads(every), "data-run", run));
        JsonNode all = TestServer.json(TestServer.get("/api/attention?run=" + run + "&layer=1&head=all")).get("attention");

        @SuppressWarnings("unchecked")
        List<String> fills = (List<String>) js().executeScript("return Array.from(document.querySelectorAll("
                + "'#figure rect.swatch')).map(r => getComputedStyle(r).fill);");
        assertEquals(12, fills.size());
        assertEquals(12, new HashSet<>(fills).size(), "one colour per head: " + fills);
        List<List<Object>> drawn = lines("#figure");
        int expected = 0;
        for (int h = 0; h < 12; h++) {
            expected += above(all.get(h), 0.1);
        }
        assertEquals(expected, drawn.size(), "every head's weights ≥ 0.1");
        Set<String> headsDrawn = new HashSet<>();
        for (List<Object> l : drawn) {
            int h = Integer.parseInt((String) l.get(0));
            headsDrawn.add((String) l.get(0));
            assertEquals(fills.get(h), l.get(4), "line colour = its head's swatch");
            assertEquals(all.get(h).get(((Number) l.get(1)).intValue()).get(((Number) l.get(2)).intValue()).asDouble(),
                    Double.parseDouble((String) l.get(3)), 1e-7);
        }
        assertTrue(headsDrawn.size() > 6, "lines of many heads at once: " + headsDrawn);
        DocsScreenshot.write("head-view.png", exported("png", 1)); // the whole figure, however tall
        new Actions(driver).moveToElement(driver.findElements(By.cssSelector("#figure text.token.key")).get(4)).perform();
        Number shown = (Number) js().executeScript("return Array.from(document.querySelectorAll('#figure line.attn'))"
                + ".filter(l => getComputedStyle(l).display !== 'none').length;");
        assertEquals(drawn.stream().filter(l -> ((Number) l.get(2)).intValue() == 4).count(), shown.longValue(),
                "hovering a key token keeps the lines of every head into it");

        swatch(3).click(); // hide head 3
        waitForFigure("head", Map.of("data-head", "all", "data-heads", heads(0, 1, 2, 4, 5, 6, 7, 8, 9, 10, 11)));
        assertEquals("false", swatch(3).getAttribute("data-on"));
        drawn = lines("#figure");
        assertEquals(expected - above(all.get(3), 0.1), drawn.size());
        assertTrue(drawn.stream().noneMatch(l -> "3".equals(l.get(0))));
        swatch(3).click(); // and back
        waitForFigure("head", Map.of("data-heads", heads(every)));
        assertEquals(expected, lines("#figure").size());

        new Actions(driver).doubleClick(swatch(5)).perform(); // only head 5: the picker follows
        waitForFigure("head", Map.of("data-head", "5", "data-heads", "5"));
        assertEquals("5", new Select(driver.findElement(By.id("head"))).getFirstSelectedOption().getAttribute("value"));
        drawn = lines("#figure");
        assertEquals(above(all.get(5), 0.1), drawn.size());
        assertTrue(drawn.stream().allMatch(l -> "5".equals(l.get(0)) && fills.get(5).equals(l.get(4))));

        new Actions(driver).sendKeys(Keys.ARROW_RIGHT).perform(); // next head
        waitForFigure("head", Map.of("data-layer", "1", "data-head", "6"));
        new Actions(driver).sendKeys(Keys.ARROW_DOWN).perform(); // next layer
        waitForFigure("head", Map.of("data-layer", "2", "data-head", "6"));
        new Actions(driver).sendKeys(Keys.ARROW_LEFT).sendKeys(Keys.ARROW_UP).sendKeys(Keys.ARROW_UP).perform();
        waitForFigure("head", Map.of("data-layer", "0", "data-head", "5"));
        Files.write(artifacts.resolve("head-view-one-head.png"), driver.getScreenshotAs(OutputType.BYTES));
    }

    private static Map<String, String> query() {
        Map<String, String> q = new HashMap<>();
        String url = driver.getCurrentUrl();
        String search = url.contains("?") ? url.substring(url.indexOf('?') + 1) : "";
        for (String kv : search.split("&")) {
            int eq = kv.indexOf('=');
            if (eq > 0) {
                q.put(kv.substring(0, eq), java.net.URLDecoder.decode(kv.substring(eq + 1),
                        java.nio.charset.StandardCharsets.UTF_8));
            }
        }
        return q;
    }

    private static String selected(String id) {
        return new Select(driver.findElement(By.id(id))).getFirstSelectedOption().getAttribute("value");
    }

    /** Opens an address in a fresh page and waits until it has run the model and drawn its view. */
    private static void open(String url, String view, Map<String, String> attributes) {
        driver.get("about:blank");
        driver.get(url);
        new WebDriverWait(driver, Duration.ofMinutes(2))
                .until(d -> "true".equals(d.findElement(By.tagName("body")).getAttribute("data-ready")));
        waitForFigure(view, attributes);
    }

    @Test
    void theAddressKeepsTheStateAndBackForwardWork() throws Exception {
        String sentence = "Alice gave Bob the book because he asked for it.";
        String run = freshRun(0.1, sentence);
        new Select(driver.findElement(By.id("layer"))).selectByValue("3");
        waitForFigure("head", Map.of("data-layer", "3", "data-run", run));
        swatch(0).click();
        waitForFigure("head", Map.of("data-heads", heads(IntStream.range(1, 12).toArray())));
        swatch(1).click();
        String someHeads = heads(IntStream.range(2, 12).toArray());
        waitForFigure("head", Map.of("data-heads", someHeads));
        driver.findElement(By.cssSelector("#views button[data-view=heatmap]")).click();
        waitForFigure("heatmap", Map.of());
        Map<String, String> q = query();
        assertEquals(sentence, q.get("text"));
        assertEquals("minilm-l6", q.get("model"));
        assertEquals("heatmap", q.get("view"));
        assertEquals("3", q.get("layer"));
        assertEquals("all", q.get("head"));
        assertEquals(someHeads, q.get("heads"));
        assertEquals("0.1", q.get("threshold"));
        String address = driver.getCurrentUrl();

        driver.navigate().back(); // the head view with heads 0 and 1 hidden
        waitForFigure("head", Map.of("data-layer", "3", "data-heads", someHeads, "data-run", run));
        driver.navigate().back(); // head 1 shown again
        waitForFigure("head", Map.of("data-heads", heads(IntStream.range(1, 12).toArray())));
        driver.navigate().forward();
        driver.navigate().forward();
        waitForFigure("heatmap", Map.of());
        assertEquals(address, driver.getCurrentUrl());

        // a bookmarked address in a fresh page: the model runs again and the same view comes back
        open(address, "heatmap", Map.of());
        assertFalse(run.equals(driver.findElement(By.tagName("body")).getAttribute("data-run")), "a new inference");
        assertEquals(sentence, driver.findElement(By.id("text")).getAttribute("value"));
        assertEquals(sentence, driver.findElement(By.id("runText")).getText());
        assertEquals("3", selected("layer"));
        assertEquals("all", selected("head"));
        assertEquals("0.1", driver.findElement(By.id("threshold")).getAttribute("value"));
        driver.findElement(By.cssSelector("#views button[data-view=head]")).click();
        waitForFigure("head", Map.of("data-layer", "3", "data-heads", someHeads));
    }

    /** POST /api/contrast from the page's origin: the same JSON the contrast command writes (docs/contrast.md). */
    private static JsonNode contrastJson(String textA, String textB) throws Exception {
        String body = (String) js().executeAsyncScript("const done = arguments[arguments.length - 1];"
                + "fetch('/api/contrast', {method: 'POST', headers: {'Content-Type': 'application/json'}, body: "
                + "JSON.stringify({model: 'minilm-l6', text: arguments[0], textB: arguments[1]})})"
                + ".then(r => r.text()).then(done, e => done('error: ' + e.message));", textA, textB);
        return TestServer.JSON.readTree(body);
    }

    /** [data-value] of the grid cells keyed "layer,head" ("layer," for rollout and flow). */
    @SuppressWarnings("unchecked")
    private static Map<String, Double> gridCells() {
        List<List<String>> cells = (List<List<String>>) js().executeScript("return Array.from(document.querySelectorAll("
                + "'#figure rect.cell')).map(r => [r.getAttribute('data-layer') + ',' + r.getAttribute('data-head'), "
                + "r.getAttribute('data-value')]);");
        Map<String, Double> out = new HashMap<>();
        cells.forEach(c -> out.put(c.get(0), Double.parseDouble(c.get(1))));
        return out;
    }

    /** The difference heatmap's cells equal the JSON's [row][column] values, every one drawn once. */
    @SuppressWarnings("unchecked")
    private static void assertDifference(JsonNode expected) {
        List<List<String>> cells = (List<List<String>>) js().executeScript("return Array.from(document.querySelectorAll("
                + "'#figure rect.diff')).map(r => [r.getAttribute('data-r'), r.getAttribute('data-c'), "
                + "r.getAttribute('data-v')]);");
        assertEquals(expected.size() * expected.size(), cells.size());
        for (List<String> c : cells) {
            assertEquals(expected.get(Integer.parseInt(c.get(0))).get(Integer.parseInt(c.get(1))).asDouble(),
                    Double.parseDouble(c.get(2)), 1e-9, c.toString());
        }
    }

    /** A side's head view draws one line per positive weight (threshold 0) with the JSON's value. */
    private static void assertSide(String side, JsonNode matrix) {
        List<List<Object>> drawn = lines("#figure g.panel[data-side=" + side + "]");
        assertEquals(above(matrix, 0), drawn.size(), side);
        for (List<Object> l : drawn) {
            assertEquals(matrix.get(((Number) l.get(1)).intValue()).get(((Number) l.get(2)).intValue()).asDouble(),
                    Double.parseDouble((String) l.get(3)), 1e-9);
        }
    }

    @SuppressWarnings("unchecked")
    private static List<String> changedWords(String side) {
        return (List<String>) js().executeScript("return Array.from(document.querySelectorAll('#figure g.panel[data-side="
                + side + "] text.token.query.changed')).map(t => t.textContent);");
    }

    @Test
    void compareModeGridCellSideBySideAndDifferenceEqualTheContrastJson() throws Exception {
        String textA = "The nurse said that he was tired.";
        String textB = "The nurse said that she was tired.";
        load();
        driver.findElement(By.id("textB")).sendKeys(textB);
        setThreshold(0);
        String run = runText(textA);
        waitForFigure("compare", Map.of("data-kind", "heads", "data-run", run));
        JsonNode c = contrastJson(textA, textB);
        assertEquals(List.of("he"), List.of(c.get("a").get("words").get(c.get("a").get("changed").get(0).asInt()).asText()));

        Map<String, Double> grid = gridCells();
        assertEquals(6 * 12, grid.size());
        for (int l = 0; l < 6; l++) {
            for (int h = 0; h < 12; h++) {
                assertEquals(c.get("divergence").get(l).get(h).asDouble(), grid.get(l + "," + h), 1e-12, l + "," + h);
            }
        }
        JsonNode top = c.get("topHeads").get(0);
        String layer = top.get("layer").asText(), head = top.get("head").asText();
        driver.findElement(By.cssSelector("#figure rect.cell[data-layer='" + layer + "'][data-head='" + head + "']")).click();
        waitForFigure("compare", Map.of("data-kind", "heads", "data-layer", layer, "data-head", head));
        assertSide("a", c.get("attention").get("a").get(top.get("layer").asInt()).get(top.get("head").asInt()));
        assertSide("b", c.get("attention").get("b").get(top.get("layer").asInt()).get(top.get("head").asInt()));
        assertEquals(List.of("he"), changedWords("a"));
        assertEquals(List.of("she"), changedWords("b"));
        assertDifference(c.get("attention").get("difference").get(top.get("layer").asInt()).get(top.get("head").asInt()));
        DocsScreenshot.write("compare.png", exported("png", 1));

        new Select(driver.findElement(By.id("contrastKind"))).selectByValue("rollout");
        waitForFigure("compare", Map.of("data-kind", "rollout"));
        grid = gridCells();
        assertEquals(6, grid.size());
        for (int l = 0; l < 6; l++) {
            assertEquals(c.get("rollout").get("divergence").get(l).asDouble(), grid.get(l + ","), 1e-12);
        }
        driver.findElement(By.cssSelector("#figure rect.cell[data-layer='3']")).click();
        waitForFigure("compare", Map.of("data-kind", "rollout", "data-layer", "3"));
        assertSide("a", c.get("rollout").get("a").get(3));
        assertDifference(c.get("rollout").get("difference").get(3));
        new Select(driver.findElement(By.id("contrastKind"))).selectByValue("flow");
        waitForFigure("compare", Map.of("data-kind", "flow", "data-layer", "3"));
        assertDifference(c.get("flow").get("difference").get(3));

        // every contrast view exports: the page's own SVG/PNG of the figure, and the server's drawings
        assertEquals("svg", svgRoot(exported("svg", 1)));
        BufferedImage png = ImageIO.read(new ByteArrayInputStream(exported("png", 2)));
        assertEquals(2 * Integer.parseInt(driver.findElement(By.id("figure")).getAttribute("width")), png.getWidth());
        Files.write(artifacts.resolve("compare-export@2x.png"), exported("png", 2));
        List<WebElement> links = driver.findElements(By.cssSelector("#contrastExports a"));
        assertEquals(4, links.size());
        for (WebElement a : links) {
            String href = a.getAttribute("href");
            var r = TestServer.getBytes(href.substring(href.indexOf("/api/")));
            assertEquals(200, r.statusCode(), href);
            if (href.contains("format=png")) {
                assertTrue(ImageIO.read(new ByteArrayInputStream(r.body())).getWidth() > 100, href);
            } else {
                assertEquals("svg", svgRoot(r.body()), href);
            }
        }

        // the address keeps compare mode: text B, the kind and the cell
        Map<String, String> q = query();
        assertEquals(textB, q.get("textB"));
        assertEquals("compare", q.get("view"));
        assertEquals("flow", q.get("contrast"));
        open(driver.getCurrentUrl(), "compare", Map.of("data-kind", "flow", "data-layer", "3"));
        assertEquals(textB, driver.findElement(By.id("textB")).getAttribute("value"));
        assertDifference(c.get("flow").get("difference").get(3));
    }
}
