package org.nre.sample;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;

/**
 * An open registration panel in a real headless Chromium, left alone while the vendor decides: it shows each
 * decision by itself in every state, and changes only what changed, so that keyboard focus, the scroll position
 * and a half-filled form stay as they were and a screen reader hears the change once.
 */
@Tag("slow")
class LivePanelBrowserTest {

    /** One status poll of the simulated router (10 s), one update of the page (5 s), and room for a busy machine. */
    static final Duration WITHIN_ONE_POLL = Duration.ofSeconds(30);

    @TempDir
    Path dir;
    TestConsole console;
    WebClient vendor;

    @BeforeEach
    void start() throws Exception {
        console = TestConsole.simulated(dir);
        vendor = console.adminWithTools();
        console.grant("nre.registration", "group:g-sysadmins", "W");
        RegistrationAcceptanceTest.waitFor(() -> vendor.get("/panels/nre").body().contains("I have read and agree"),
                "the terms to be fetched from the simulated router");
    }

    @AfterEach
    void stop() {
        console.close();
    }

    @Test
    void anOpenPanelShowsEveryVendorDecisionByItselfAndKeepsFocusScrollPositionAndAHalfFilledForm() {
        WebClient sysadmin = console.demoUser("sysadmin");
        assertThat(sysadmin.submit("/panels/nre", "/panels/nre/actions/register",
                Map.of("accept-terms", "on", "terms-version", "2026-07")).status()).isEqualTo(303);
        try (Browser browser = Browser.open(console.client().base(), true)) {
            browser.signIn("sysadmin", TestConsole.DEMO_PASSWORD);
            browser.go("/panels/nre");
            String url = browser.driver.getCurrentUrl();
            JavascriptExecutor page = (JavascriptExecutor) browser.driver;

            decide("authorize", "");
            browser.waitUntil(d -> panel(browser).matches("(?s).*Exchange Status:\\s*Active.*"), WITHIN_ONE_POLL);

            publishTerms();
            browser.waitUntil(d -> panel(browser).contains("Terms updated - accept by"), WITHIN_ONE_POLL);

            // A half-filled form: the box ticked, the keyboard on it, the page scrolled to it.
            WebElement box = browser.driver.findElement(By.id("f-accept-terms"));
            page.executeScript("arguments[0].scrollIntoView({block: 'center'}); arguments[0].focus();", box);
            box.click();
            assertThat(((Number) page.executeScript("return window.scrollY;")).doubleValue()).as("the page is scrolled")
                    .isPositive();
            long onScreen = top(page);
            page.executeScript("""
                    window.announced = [];
                    var announcer = document.getElementById('panel-announcer');
                    new MutationObserver(function () { window.announced.push(announcer.textContent); })
                        .observe(announcer, {childList: true, characterData: true, subtree: true});""");

            decide("suspend", "Unpaid invoice.");
            browser.waitUntil(d -> panel(browser).contains("Suspended by the vendor: Unpaid invoice."), WITHIN_ONE_POLL);
            // Two more updates of the page, which find nothing new: nothing more is announced or replaced.
            sleep(Duration.ofSeconds(11));

            assertThat(browser.driver.getCurrentUrl()).as("no reload").isEqualTo(url);
            assertThat(browser.driver.findElement(By.id("f-accept-terms")).isSelected())
                    .as("the ticked box stays ticked").isTrue();
            assertThat(browser.driver.switchTo().activeElement().getAttribute("id"))
                    .as("the keyboard stays where it was").isEqualTo("f-accept-terms");
            assertThat(top(page)).as("what the reader looks at stays where it was on the screen, though the status "
                    + "above it grew").isBetween(onScreen - 2, onScreen + 2);
            @SuppressWarnings("unchecked")
            List<String> announced = (List<String>) page.executeScript("return window.announced;");
            assertThat(announced).as("the change is announced once").hasSize(1);
            assertThat(announced.get(0)).contains("Exchange Status: Inactive", "Suspended by the vendor");

            decide("reinstate", "");
            browser.waitUntil(d -> panel(browser).matches("(?s).*Exchange Status:\\s*Active.*"), WITHIN_ONE_POLL);
            assertThat(browser.driver.findElement(By.id("f-accept-terms")).isSelected()).isTrue();
            assertThat(browser.driver.getCurrentUrl()).isEqualTo(url);
        }
    }

    /** Where the terms' checkbox stands on the screen, in CSS pixels from the top of the window. */
    private static long top(JavascriptExecutor page) {
        return ((Number) page.executeScript("return Math.round(document.getElementById('f-accept-terms')"
                + ".getBoundingClientRect().top);")).longValue();
    }

    private static String panel(Browser browser) {
        return browser.driver.findElement(By.id("panel")).getText();
    }

    private void decide(String decision, String reason) {
        Vendor side = new Vendor(vendor);
        WebClient.Response decided = side.decide(side.newest(), decision, reason);
        assertThat(decided.status()).as(decided.body()).isEqualTo(200);
    }

    private void publishTerms() {
        String effective = LocalDate.now(TestConsole.TIME_ZONE).plusDays(20).toString();
        WebClient.Response published = new Vendor(vendor).publish("2027-01", effective,
                "New terms.\n\nThey take effect in twenty days.");
        assertThat(published.status()).as(published.body()).isEqualTo(200);
    }

    private static void sleep(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
