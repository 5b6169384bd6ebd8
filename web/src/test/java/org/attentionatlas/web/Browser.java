package org.attentionatlas.web;

import org.openqa.selenium.By;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.WebDriverWait;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

/** Debian's headless Chromium driven through Debian's chromedriver, both at fixed paths: nothing is downloaded. */
final class Browser {

    static final String CHROMEDRIVER = "/usr/bin/chromedriver";
    static final String CHROMIUM = "/usr/bin/chromium";

    private Browser() {
    }

    static ChromeDriver start(Path downloads) throws IOException {
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(new File(CHROMEDRIVER)).usingAnyFreePort().build();
        Path profile = Files.createTempDirectory("atlas-chromium-profile");
        ChromeOptions o = new ChromeOptions();
        o.setBinary(CHROMIUM);
        o.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--disable-quic",
                "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--disable-extensions", "--window-size=1400,1100", "--user-data-dir=" + profile);
        o.setExperimentalOption("prefs", Map.of("download.default_directory", downloads.toString(),
                "download.prompt_for_download", false));
        ChromeDriver driver = new ChromeDriver(service, o);
        driver.manage().timeouts().scriptTimeout(Duration.ofSeconds(60));
        return driver;
    }

    /** Waits until the page's figure shows {@code view} drawn ("done") with these attributes; fails on a page error. */
    static void waitForFigure(ChromeDriver driver, String view, Map<String, String> attributes) {
        new WebDriverWait(driver, Duration.ofMinutes(2)).until(d -> {
            String error = d.findElement(By.id("error")).getText();
            if (!error.isEmpty()) {
                throw new AssertionError("the page shows an error: " + error);
            }
            // read the attributes in one script: the figure may be replaced between two WebDriver calls
            @SuppressWarnings("unchecked")
            Map<String, Object> f = (Map<String, Object>) driver.executeScript("const f = document.getElementById('figure');"
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
}
