package org.nre.sample;

import static org.junit.jupiter.api.Assertions.fail;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Assumptions;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebDriverException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.WebDriverWait;

/** Debian's Chromium, headless, driven through its own chromedriver: nothing is downloaded. */
final class Browser implements AutoCloseable {

    static final String CHROMIUM = System.getenv().getOrDefault("NRE_TEST_CHROMIUM", "/usr/bin/chromium");
    static final String CHROMEDRIVER = System.getenv().getOrDefault("NRE_TEST_CHROMEDRIVER", "/usr/bin/chromedriver");

    final WebDriver driver;
    private final String base;
    private final Path profile;

    private Browser(WebDriver driver, String base, Path profile) {
        this.driver = driver;
        this.base = base;
        this.profile = profile;
    }

    static Browser open(String base, boolean javascript) {
        if (!Files.isExecutable(Path.of(CHROMIUM)) || !Files.isExecutable(Path.of(CHROMEDRIVER))) {
            String message = "Chromium and chromedriver are needed at " + CHROMIUM + " and " + CHROMEDRIVER
                    + " (apt-get install chromium chromium-driver; .ci/run installs them)";
            if ("true".equalsIgnoreCase(System.getenv("CI"))) {
                fail(message);
            }
            Assumptions.abort(message);
        }
        try {
            Path profile = Files.createTempDirectory("chromium-profile");
            ChromeOptions options = new ChromeOptions();
            options.setBinary(CHROMIUM);
            options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                    "--disable-background-networking", "--disable-quic", "--no-first-run", "--disable-component-update",
                    "--disable-sync", "--window-size=1280,1000", "--user-data-dir=" + profile);
            if (!javascript) {
                options.addArguments("--blink-settings=scriptEnabled=false");
            }
            ChromeDriverService service = new ChromeDriverService.Builder()
                    .usingDriverExecutable(new File(CHROMEDRIVER)).usingAnyFreePort().build();
            return new Browser(new ChromeDriver(service, options), base, profile);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    void go(String path) {
        driver.get(base + path);
    }

    void signIn(String login, String password) {
        go("/signin");
        type(By.id("login"), login);
        type(By.id("password"), password);
        driver.findElement(By.cssSelector("form[action='/signin'] button[type=submit]")).click();
        waitUntil(d -> !d.getCurrentUrl().endsWith("/signin"), Duration.ofSeconds(10));
    }

    void signOut() {
        driver.findElement(By.cssSelector("form[action='/signout'] button")).click();
        waitUntil(d -> d.getCurrentUrl().endsWith("/signin"), Duration.ofSeconds(10));
    }

    void type(By by, String text) {
        WebElement input = driver.findElement(by);
        input.clear();
        input.sendKeys(text);
    }

    /** The page's text; read again while the page's live update is replacing the nodes being read. */
    String text() {
        WebDriverException replaced = null;
        for (int attempt = 0; attempt < 10; attempt++) {
            try {
                return driver.findElement(By.tagName("body")).getText();
            } catch (WebDriverException e) {
                replaced = e;
            }
        }
        throw replaced;
    }

    void waitForText(String text, Duration timeout) {
        waitUntil(d -> text().contains(text), timeout);
    }

    void waitUntil(java.util.function.Function<WebDriver, Boolean> condition, Duration timeout) {
        // A page or panel being replaced (a form's answer, the live update) leaves stale nodes behind: look again;
        // at the timeout the last such error is reported as the cause.
        new WebDriverWait(driver, timeout).ignoring(WebDriverException.class).until(condition::apply);
    }

    void screenshot(Path file) {
        try {
            Files.createDirectories(file.getParent());
            Files.write(file, ((TakesScreenshot) driver).getScreenshotAs(OutputType.BYTES));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        driver.quit();
        try (var files = Files.walk(profile)) {
            files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            // a leftover temporary profile is harmless
        }
    }
}
