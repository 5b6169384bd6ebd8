package org.attentionatlas.web;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
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
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The page in real headless Chromium: head view values, flow view, exports, hostile text, a 500-token text. */
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
        new WebDriverWait(driver, Duration.ofMinutes(2)).until(d -> {
            String error = d.findElement(By.id("error")).getText();
            if (!error.isEmpty()) {
                throw new AssertionError("the page shows an error: " + error);
            }
            // read the attributes in one script: the figure may be replaced between two WebDriver calls
            @SuppressWarnings("unchecked")
            Map<String, Object> f = (Map<String, Object>) js().executeScript("const f = document.getElementById('figure');"
                    + "if (!f) return null; const o = {}; for (const a of f.attributes) o[a.name] = a.value; return o;");
            if (f == null || !"done".equals(f.get("data-state")) || !view.equals(f.get("data-view"))) {
                return false;
            }
            for (Map.Entry<String, String> e : attributes.entrySet()) {
                if (!e.getValue().equals(f.get(e.getKey()))) {
                    return false;
                }
            }
            return true;
        });
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
}
