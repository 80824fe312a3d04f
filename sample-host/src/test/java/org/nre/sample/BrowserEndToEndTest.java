package org.nre.sample;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nre.hostapi.notice.Audience;
import org.nre.hostapi.notice.Notice;
import org.nre.hostapi.notice.Notices;
import org.nre.hostapi.notice.Severity;
import org.nre.hostapi.rights.Level;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

/**
 * The registration as people do it, in a real headless Chromium: the console administrator grants the tool
 * right, the district system administrator registers, the vendor authorizes on the simulated router, and the
 * open panel turns Active by itself. Screenshots land in docs/images/.
 */
@Tag("slow")
class BrowserEndToEndTest {

    static final Path IMAGES = Path.of("..", "docs", "images");
    static final Duration VENDOR_DECISION_SHOWS_WITHIN = Duration.ofSeconds(60);

    @TempDir
    Path dir;
    TestConsole console;

    @BeforeEach
    void start() throws Exception {
        console = TestConsole.simulated(dir);
    }

    @AfterEach
    void stop() {
        console.close();
    }

    @Test
    void aDistrictSystemAdministratorRegistersAndSeesTheExchangeTurnActiveOnceTheVendorAuthorizes() {
        String base = console.client().base();
        try (Browser admin = Browser.open(base, true); Browser sysadmin = Browser.open(base, true)) {
            admin.signIn("admin", TestConsole.ADMIN_PASSWORD);
            admin.go("/admin/rights/nre.registration?q=System%20Administrators");
            WebElement group = admin.driver.findElement(By.cssSelector("form.grant input[value='group:g-sysadmins']"))
                    .findElement(By.xpath("./.."));
            group.findElement(By.name("level.W")).click();
            group.findElement(By.cssSelector("button[type=submit]")).click();
            admin.waitForText("2 users would gain it", Duration.ofSeconds(10));
            assertThat(admin.text()).contains("This grants 'National Records Exchange' to a group: its 2 members gain "
                    + "it now", "Morgan, Alex", "Rivera, Sam");
            admin.driver.findElement(By.cssSelector("button.primary")).click();
            admin.waitForText("Saved: the group System Administrators now has RW", Duration.ofSeconds(10));
            assertThat(admin.text()).contains("Holders of National Records Exchange: 1-2 of 2");
            admin.screenshot(IMAGES.resolve("rights-matrix.png"));

            sysadmin.signIn("sysadmin", TestConsole.DEMO_PASSWORD);
            sysadmin.driver.findElement(By.linkText("National Records Exchange")).click();
            sysadmin.waitForText("National Records Exchange - Registration & Router Status", Duration.ofSeconds(10));
            sysadmin.waitUntil(d -> {
                if (d.findElements(By.id("f-accept-terms")).isEmpty()) {
                    d.navigate().refresh();
                    return false;
                }
                return true;
            }, Duration.ofSeconds(30));
            assertThat(sysadmin.text()).containsPattern("Exchange Registration:\\s*Not Registered")
                    .containsPattern("Exchange Status:\\s*Inactive")
                    .contains("I have read and agree to the Terms of Service");
            sysadmin.screenshot(IMAGES.resolve("panel-not-registered.png"));

            sysadmin.driver.findElement(By.xpath("//button[normalize-space()='Register with the National Records Exchange']"))
                    .click();
            sysadmin.waitForText("Registration needs the Terms of Service accepted.", Duration.ofSeconds(10));
            assertThat(sysadmin.text()).contains(
                    "Tick \"I have read and agree to the Terms of Service\" before registering.");
            assertThat(sysadmin.driver.findElement(By.id("f-accept-terms")).getAttribute("aria-invalid")).isEqualTo("true");

            sysadmin.driver.findElement(By.cssSelector("label[for='f-accept-terms']")).click();
            sysadmin.driver.findElement(By.xpath("//button[normalize-space()='Register with the National Records Exchange']"))
                    .click();
            sysadmin.waitForText("Pending verification", Duration.ofSeconds(15));
            assertThat(sysadmin.text()).contains("Registered with the National Records Exchange. The vendor will now verify");
            sysadmin.screenshot(IMAGES.resolve("panel-pending.png"));

            // The console administrator plays the vendor here, once granted the simulated router's right.
            TestConsole.grant(console.admin(), "simulated-router.vendor", "user:admin", "RW");
            admin.go("/panels/" + Vendor.PANEL);
            admin.driver.findElement(By.xpath("//button[normalize-space()='Authorize']")).click();
            admin.waitForText("ACTIVE", Duration.ofSeconds(10));

            // No navigation: the open panel updates itself and announces the change.
            String pendingUrl = sysadmin.driver.getCurrentUrl();
            sysadmin.waitUntil(d -> d.findElement(By.id("panel")).getText().contains("Verified and authorized"),
                    VENDOR_DECISION_SHOWS_WITHIN);
            assertThat(sysadmin.driver.getCurrentUrl()).isEqualTo(pendingUrl);
            String panel = sysadmin.driver.findElement(By.id("panel")).getText();
            assertThat(panel).containsPattern("Exchange Status:\\s*Active")
                    .contains("Registered from: 127.0.0.1, Application Name: med1")
                    .containsPattern("Registered By: Morgan, Alex at \\d\\d/\\d\\d/\\d{4} \\d\\d:\\d\\d");
            assertThat(sysadmin.driver.findElement(By.id("panel-announcer")).getAttribute("textContent"))
                    .contains("Active");
            sysadmin.screenshot(IMAGES.resolve("panel-active.png"));
        }
    }

    @Test
    void aUserWithoutTheRightSeesNoMenuEntryAndIsRefusedThePanel() {
        String base = console.client().base();
        try (Browser registrar = Browser.open(base, true)) {
            registrar.signIn("registrar", TestConsole.DEMO_PASSWORD);
            assertThat(registrar.driver.findElements(By.linkText("National Records Exchange"))).isEmpty();
            registrar.go("/panels/nre");
            assertThat(registrar.driver.getTitle()).startsWith("Not allowed");
            assertThat(registrar.text()).contains("Viewing this panel needs read (R) on the right");
        }
        assertThat(console.demoUser("registrar").get("/panels/nre").status()).isEqualTo(403);
    }

    @Test
    void everythingWorksWithJavaScriptOff() {
        String base = console.client().base();
        console.grant("nre.registration", "group:g-sysadmins", "W");
        try (Browser sysadmin = Browser.open(base, false)) {
            sysadmin.signIn("sysadmin", TestConsole.DEMO_PASSWORD);
            sysadmin.go("/panels/nre");
            sysadmin.waitUntil(d -> {
                if (d.findElements(By.id("f-accept-terms")).isEmpty()) {
                    d.navigate().refresh();
                    return false;
                }
                return true;
            }, Duration.ofSeconds(30));
            sysadmin.driver.findElement(By.id("f-accept-terms")).click();
            sysadmin.driver.findElement(By.xpath("//button[normalize-space()='Register with the National Records Exchange']"))
                    .click();
            sysadmin.waitForText("Pending verification", Duration.ofSeconds(15));
            assertThat(sysadmin.driver.findElements(By.xpath("//button[normalize-space()='Deregister']")))
                    .as("deregistering needs D, which the group does not hold").isEmpty();
            sysadmin.driver.findElement(By.xpath("//button[normalize-space()='Check status now']")).click();
            sysadmin.waitForText("Checked with the router: the district is registered and pending", Duration.ofSeconds(15));
        }
    }

    @Test
    void everyInputHasALabelAndThePageCanBeUsedByKeyboard() {
        String base = console.client().base();
        try (Browser admin = Browser.open(base, true)) {
            admin.signIn("admin", TestConsole.ADMIN_PASSWORD);
            console.adminWithTools();
            // One notice of each severity, so that the badge, the critical strip and the list are checked too.
            Notices notices = console.console().kit().notices().forPlugin("nre");
            Audience holders = Audience.holdersOf("nre.registration", Level.WRITE);
            for (Severity severity : Severity.values()) {
                notices.raise(Notice.of("check." + severity.name().toLowerCase(Locale.ROOT), holders, severity,
                        "A " + severity + " notice", "What to do.").withDeadline(Instant.parse("2027-01-15T18:00:00Z"))
                        .linkingTo("nre"));
            }
            for (String page : List.of("/", "/notices", "/panels/nre", "/panels/nre-settings", "/admin/users", "/admin/groups",
                    "/admin/users/u-teacher", "/admin/groups/g-sysadmins", "/panels/" + Vendor.PANEL,
                    "/account/password", "/admin/rights", "/admin/rights/nre.registration?all=1",
                    "/admin/rights/nre.registration?q=nobody-matches", "/admin/users/u-sysadmin/rights",
                    "/admin/audit", "/admin/audit?outcome=REFUSED", "/admin/plugins")) {
                admin.go(page);
                for (WebElement input : admin.driver.findElements(By.cssSelector(
                        "input:not([type=hidden]), textarea, select"))) {
                    String id = input.getAttribute("id");
                    boolean labelled = (id != null && !id.isEmpty()
                            && !admin.driver.findElements(By.cssSelector("label[for='" + id + "']")).isEmpty())
                            || input.getAttribute("aria-label") != null;
                    assertThat(labelled).as("input %s on %s has a label", input.getAttribute("name"), page).isTrue();
                }
            }
            // A refused form: the page it redirects to shows the errors, and passes the same checks.
            admin.go("/admin/users");
            admin.type(By.id("login"), "x");
            admin.driver.findElement(By.xpath("//button[normalize-space()='Create user']")).click();
            admin.waitForText("Nothing was changed: correct the fields marked.", Duration.ofSeconds(10));
            assertThat(admin.driver.findElement(By.id("login")).getAttribute("value")).isEqualTo("x");
            admin.go("/");
            admin.driver.findElement(By.tagName("body")).sendKeys(org.openqa.selenium.Keys.TAB);
            assertThat(admin.driver.switchTo().activeElement().getText()).isEqualTo("Skip to content");
        }
    }
}
