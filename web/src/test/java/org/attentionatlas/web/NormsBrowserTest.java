package org.attentionatlas.web;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

import java.nio.file.Files;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The page's "Measure" control in headless Chromium: the head view redraws with the norm-based values of the API. */
class NormsBrowserTest {

    private static ChromeDriver driver;

    @BeforeAll
    static void open() throws Exception {
        driver = Browser.start(Files.createTempDirectory("atlas-norms-downloads"));
    }

    @AfterAll
    static void close() {
        if (driver != null) {
            driver.quit();
        }
    }

    @Test
    void measureToggleDrawsNormBasedLines() throws Exception {
        driver.get(TestServer.base() + "/");
        new WebDriverWait(driver, Duration.ofSeconds(30))
                .until(d -> "true".equals(d.findElement(By.tagName("body")).getAttribute("data-ready")));
        js().executeScript("const e = document.getElementById('threshold'); e.value = '0';"
                + "e.dispatchEvent(new Event('input')); e.dispatchEvent(new Event('change'));");
        driver.findElement(By.id("text")).sendKeys("The doctor asked the nurse to help her.");
        driver.findElement(By.id("run")).click();
        new WebDriverWait(driver, Duration.ofMinutes(2))
                .until(d -> d.findElement(By.tagName("body")).getAttribute("data-run") != null);
        String run = driver.findElement(By.tagName("body")).getAttribute("data-run");
        new Select(driver.findElement(By.id("layer"))).selectByValue("4");
        new Select(driver.findElement(By.id("head"))).selectByValue("7");
        new Select(driver.findElement(By.id("measure"))).selectByValue("norms");
        waitForHeadView(Map.of("data-layer", "4", "data-head", "7", "data-measure", "norms", "data-run", run));

        JsonNode a = TestServer.json(TestServer.get("/api/attention?run=" + run + "&layer=4&head=7&measure=norms"))
                .get("attention");
        int n = a.size();
        double max = 0;
        for (JsonNode row : a) {
            for (JsonNode v : row) {
                max = Math.max(max, v.asDouble());
            }
        }
        assertTrue(Math.abs(max - 1) > 1e-3, "the scaling to the largest value is exercised: largest " + max);
        @SuppressWarnings("unchecked")
        List<List<Object>> lines = (List<List<Object>>) js().executeScript(
                "return Array.from(document.querySelectorAll('#figure line.attn')).map(l => "
                        + "[l.getAttribute('data-q'), l.getAttribute('data-k'), l.getAttribute('data-w')]);");
        assertEquals(n * n, lines.size(), "one line per query × key pair at threshold 0");
        for (List<Object> l : lines) {
            int q = Integer.parseInt((String) l.get(0));
            int k = Integer.parseInt((String) l.get(1));
            assertEquals(a.get(q).get(k).asDouble() / max, Double.parseDouble((String) l.get(2)), 1e-7,
                    "line " + q + "," + k + " relative to the largest value");
        }

        new Select(driver.findElement(By.id("measure"))).selectByValue("weights");
        waitForHeadView(Map.of("data-measure", "weights"));
    }

    private static JavascriptExecutor js() {
        return driver;
    }

    private static void waitForHeadView(Map<String, String> attributes) {
        Browser.waitForFigure(driver, "head", attributes);
    }
}
