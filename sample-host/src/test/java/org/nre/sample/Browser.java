package org.nre.sample;

import static org.junit.jupiter.api.Assertions.fail;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Assumptions;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
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
    /** The accessibility checker, axe-core from the npm registry, at the version .ci/run installs. */
    static final String AXE_VERSION = "4.10.3";
    static final Path AXE = Path.of(System.getenv().getOrDefault("NRE_TEST_AXE", Path.of(System.getProperty("user.home"),
            ".cache", "nre-test", "node_modules", "axe-core", "axe.min.js").toString()));
    static final Dimension WIDE = new Dimension(1280, 1000);
    static final Dimension NARROW = new Dimension(360, 800);

    final WebDriver driver;
    private final String base;
    private final Path profile;
    private final String axe;

    private Browser(WebDriver driver, String base, Path profile, String axe) {
        this.driver = driver;
        this.base = base;
        this.profile = profile;
        this.axe = axe;
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
        if (!Files.isReadable(AXE)) {
            String message = "axe-core is needed at " + AXE + " (npm install --prefix ~/.cache/nre-test axe-core@"
                    + AXE_VERSION + ", or set NRE_TEST_AXE to its axe.min.js; .ci/run installs it)";
            if ("true".equalsIgnoreCase(System.getenv("CI"))) {
                fail(message);
            }
            Assumptions.abort(message);
        }
        try {
            String axe = Files.readString(AXE);
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
            return new Browser(new ChromeDriver(service, options), base, profile, javascript ? axe : null);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    void go(String path) {
        driver.get(base + path);
        check();
    }

    /**
     * Checks the page as it stands, wide and at 360x800: no WCAG 2.1 A or AA violation that axe-core finds, and no
     * sideways scrolling of the whole page. Without JavaScript the checker cannot run; the width is checked still.
     */
    void check() {
        String where = driver.getCurrentUrl();
        List<String> problems = new ArrayList<>(violations());
        driver.manage().window().setSize(NARROW);
        try {
            waitUntil(d -> NARROW.width >= ((Number) ((JavascriptExecutor) d).executeScript(
                    "return window.innerWidth")).intValue(), Duration.ofSeconds(5));
            long scrollWidth = ((Number) ((JavascriptExecutor) driver).executeScript(
                    "return document.documentElement.scrollWidth")).longValue();
            long innerWidth = ((Number) ((JavascriptExecutor) driver).executeScript(
                    "return window.innerWidth")).longValue();
            if (scrollWidth > innerWidth) {
                problems.add("at 360x800 the page scrolls sideways: " + scrollWidth + " px wide in a window of "
                        + innerWidth + " px; widest: " + ((JavascriptExecutor) driver).executeScript(WIDEST));
            }
            problems.addAll(violations().stream().map(v -> "at 360x800: " + v).toList());
        } finally {
            driver.manage().window().setSize(WIDE);
        }
        if (!problems.isEmpty()) {
            fail("Page " + where + ":\n" + String.join("\n", problems));
        }
    }

    // The elements that stick out past the window, to say what to fix.
    private static final String WIDEST = """
            var out = [];
            document.querySelectorAll('body *').forEach(function (e) {
              var r = e.getBoundingClientRect();
              if (r.right > window.innerWidth + 1 && out.length < 5) {
                out.push(e.tagName.toLowerCase() + (e.id ? '#' + e.id : '') + (e.className ? '.' + e.className : '')
                  + ' (' + Math.round(r.right) + ' px)');
              }
            });
            return out.join(', ');""";

    private List<String> violations() {
        if (axe == null) {
            return List.of();
        }
        JavascriptExecutor script = (JavascriptExecutor) driver;
        driver.manage().timeouts().scriptTimeout(Duration.ofSeconds(60));
        if (!Boolean.TRUE.equals(script.executeScript("return typeof window.axe !== 'undefined'"))) {
            script.executeScript(axe);
        }
        Object answer = script.executeAsyncScript("""
                var done = arguments[arguments.length - 1];
                axe.run(document, {runOnly: {type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']}})
                  .then(function (result) {
                    done(result.violations.map(function (v) {
                      return v.id + ' (' + v.impact + '): ' + v.help + ' at ' + v.nodes.map(function (n) {
                        return n.target.join(' ') + ' ' + n.html;
                      }).join(' | ');
                    }));
                  })
                  .catch(function (e) { done(['axe-core failed: ' + e]); });""");
        List<String> found = new ArrayList<>();
        if (answer instanceof List<?> list) {
            list.forEach(item -> found.add(String.valueOf(item)));
        }
        return found;
    }

    void signIn(String login, String password) {
        go("/signin");
        type(By.id("login"), login);
        type(By.id("password"), password);
        driver.findElement(By.cssSelector("form[action='/signin'] button[type=submit]")).click();
        waitUntil(d -> !d.getCurrentUrl().endsWith("/signin"), Duration.ofSeconds(10));
        check();
    }

    void signOut() {
        driver.findElement(By.cssSelector("form[action='/signout'] button")).click();
        waitUntil(d -> d.getCurrentUrl().endsWith("/signin"), Duration.ofSeconds(10));
        check();
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

    /** Waits for the text, as after an action, and checks the page it shows. */
    void waitForText(String text, Duration timeout) {
        waitUntil(d -> text().contains(text), timeout);
        check();
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
