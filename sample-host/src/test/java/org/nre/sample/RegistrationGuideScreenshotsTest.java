package org.nre.sample;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriverException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The walk docs/registration-guide.md shows, in a real headless Chromium on a real console with the simulated
 * router: every registration state the district system administrator meets, with the vendor (played by the
 * console administrator through the simulator's API) deciding in between, and the open panel updating itself.
 * Each step asserts what the administrator reads, then takes the guide's screenshot into docs/images/.
 */
@Tag("slow")
class RegistrationGuideScreenshotsTest {

    static final Path IMAGES = Path.of("..", "docs", "images");
    /** The simulated router is polled every 10 seconds and the open panel updates itself every 5. */
    static final Duration SHOWS_WITHIN = Duration.ofSeconds(60);
    static final Duration ACTION = Duration.ofSeconds(20);
    static final String STATUS = "Registration & Router Status";
    static final int WIDTH = 1280;
    static final int HEIGHT = 1000;
    /** Pixels kept around each section in a screenshot, and the height of the band that marks a gap. */
    static final int MARGIN = 8;
    static final int GAP = 28;
    static final String TIME = "\\d\\d/\\d\\d/\\d{4} \\d\\d:\\d\\d C[SD]T";
    static final String SUSPENSION = "The district's security contact could not be reached.";
    static final String REJECTION = "The district's NCES identifier does not match the state directory.";
    static final String REWORDED = "2. Registration. A district registers through its console. The vendor verifies "
            + "each district, usually within two business days, and authorizes it before records can be exchanged.";
    static final String ADDED = "5. Security contact. The district names a security contact whom the vendor can reach "
            + "about the exchange, and keeps that contact up to date.";

    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;
    TestConsole console;
    WebClient vendor;

    @BeforeEach
    void start() throws IOException {
        console = TestConsole.simulated(dir.resolve("district"));
        vendor = console.adminWithTools();
        grantReadWriteAndDelete(vendor);
    }

    @AfterEach
    void stop() {
        console.close();
    }

    @Test
    void everyRegistrationStateAsTheDistrictSystemAdministratorSeesIt() throws Exception {
        try (Browser sysadmin = Browser.open(console.client().base(), true)) {
            sysadmin.signIn("sysadmin", TestConsole.DEMO_PASSWORD);
            sysadmin.driver.findElement(By.linkText("National Records Exchange")).click();
            sysadmin.waitForText("National Records Exchange - Registration & Router Status", ACTION);
            // The terms come from the router at the first status poll, a few seconds after the start.
            sysadmin.waitUntil(d -> {
                if (d.findElements(By.id("f-accept-terms")).isEmpty()) {
                    d.navigate().refresh();
                    return false;
                }
                return true;
            }, SHOWS_WITHIN);

            notRegistered(sysadmin);
            pending(sysadmin);
            active(sysadmin);
            termsUpdatedAndAccepted(sysadmin);
            suspendedAndReinstated(sysadmin);
            deregistered(sysadmin);
            rejected(sysadmin);
            registeredAgain(sysadmin);
        }
        routerUnreachable();
    }

    private void notRegistered(Browser sysadmin) throws IOException {
        String page = sysadmin.text();
        assertThat(page).containsPattern("Exchange Registration:\\s*Not Registered")
                .containsPattern("Exchange Status:\\s*Inactive")
                .contains("Not registered: accept the Terms of Service below and register.")
                .containsPattern("Router:\\s*Reachable\\s*Last contact: " + TIME)
                .contains("Terms of Service version 2026-07", "Effective 07/01/2026",
                        "I have read and agree to the Terms of Service", "Register with the National Records Exchange")
                .contains("a city or ZIP code is sent only when more than 1% of the district's 2060 students live "
                        + "there (21 students or more); the others are left out. Only the names marked \"Sent\" "
                        + "travel to the router, never the counts.")
                .contains("Chatham 373 18.1% Sent", "Pawnee 12 0.6% Left out (1% or fewer)",
                        "Rochester 9 0.4% Left out (1% or fewer)", "Springfield 1666 80.9% Sent")
                .contains("62558 12 0.6% Left out (1% or fewer)", "62563 9 0.4% Left out (1% or fewer)",
                        "62629 373 18.1% Sent", "62704 1205 58.5% Sent", "62711 461 22.4% Sent")
                .contains("Sent to the exchange: cities Chatham, Springfield; ZIP codes 62629, 62704, 62711")
                .contains("Nothing has happened yet.")
                .doesNotContain("Last sent");
        assertThat(sysadmin.driver.findElements(By.id("b-deregister"))).as("nothing to deregister").isEmpty();
        shoot(sysadmin, "guide-not-registered.png", STATUS, "Terms of Service", "Locality");
    }

    private void pending(Browser sysadmin) throws IOException {
        sysadmin.driver.findElement(By.cssSelector("label[for='f-accept-terms']")).click();
        press(sysadmin, By.id("b-register"));
        sysadmin.waitForText("Pending verification", ACTION);
        String page = sysadmin.text();
        assertThat(page).contains("Registered with the National Records Exchange. The vendor will now verify and "
                        + "authorize the district; until then the exchange status is Inactive (pending verification).")
                .contains("Exchange Registration: Registered from: 127.0.0.1, Application Name: med1")
                .containsPattern("Registered By: Morgan, Alex at " + TIME)
                .containsPattern("Exchange Status:\\s*Inactive\\s*Pending verification: the vendor has yet to verify "
                        + "and authorize the district. The console keeps asking the router")
                .containsPattern("Last sent: " + TIME + ": cities Chatham, Springfield; ZIP codes 62629, 62704, 62711")
                .contains("Accepted the Terms of Service version 2026-07 and asked to register the district.")
                .containsPattern("Sent the registration; the router received it \\(the vendor's reference "
                        + "reg_[0-9a-f]+\\) and it awaits the vendor's verification.")
                .doesNotContain("I have read and agree to the Terms of Service");
        assertThat(sysadmin.driver.findElement(By.id("b-deregister")).isEnabled()).isTrue();
        assertThat(sysadmin.driver.findElement(By.id("b-resend-locality")).isEnabled()).isTrue();
        shoot(sysadmin, "guide-pending.png", STATUS, "Locality", "History");
    }

    private void active(Browser sysadmin) throws IOException {
        String url = sysadmin.driver.getCurrentUrl();
        vendorDecides("authorize", "PENDING", "");
        waitForPanel(sysadmin, "Verified and authorized by the vendor: records can be exchanged.");
        assertThat(sysadmin.driver.getCurrentUrl()).as("the page updated itself").isEqualTo(url);
        assertThat(panel(sysadmin)).containsPattern("Exchange Status:\\s*Active")
                .containsPattern("Registered By: Morgan, Alex at " + TIME)
                .containsPattern(TIME + " The console, on its own This console The vendor verified and authorized the "
                        + "district: the exchange is Active.");
        shoot(sysadmin, "guide-active.png", STATUS, "History");
    }

    private void termsUpdatedAndAccepted(Browser sysadmin) throws IOException {
        String url = sysadmin.driver.getCurrentUrl();
        LocalDate effective = LocalDate.now(TestConsole.TIME_ZONE).plusDays(20);
        String due = effective.format(DateTimeFormatter.ofPattern("MM/dd/yyyy"));
        String current = new Vendor(vendor).state().path("terms").path("text").asText();
        List<String> paragraphs = new ArrayList<>(List.of(current.split("\n\n")));
        int registration = indexStartingWith(paragraphs, "2. Registration.");
        String was = paragraphs.get(registration).strip().replaceAll("\\s+", " ");
        paragraphs.set(registration, REWORDED);
        paragraphs.add(ADDED);
        WebClient.Response published = new Vendor(vendor).publish("2027-01", effective.toString(),
                String.join("\n\n", paragraphs));
        assertThat(published.status()).as(published.body()).isEqualTo(200);

        waitForPanel(sysadmin, "Terms updated - accept by " + due);
        assertThat(sysadmin.driver.getCurrentUrl()).as("the page updated itself").isEqualTo(url);
        waitForPanel(sysadmin, "What changed since version 2026-07");
        String page = panel(sysadmin);
        assertThat(page).contains("Terms updated - accept by " + due + ". The vendor published version 2027-01 of the "
                        + "Terms of Service; accept it below to keep exchanging records.")
                .containsPattern("Exchange Status:\\s*Active")
                .contains("Terms of Service version 2027-01", "Effective " + due)
                .containsPattern("What changed since version 2026-07, accepted by Morgan, Alex at " + TIME)
                .contains("Used to read " + was, "Now reads " + REWORDED,
                        "Added " + ADDED)
                .contains("The vendor published the Terms of Service version 2027-01, effective " + due
                        + ". Accept them by then to keep exchanging records.")
                .contains("Accept the updated Terms of Service");
        shoot(sysadmin, "guide-terms-updated.png", STATUS, "Terms of Service");

        sysadmin.driver.findElement(By.cssSelector("label[for='f-accept-terms']")).click();
        press(sysadmin, By.id("b-accept-terms"));
        sysadmin.waitForText("Accepted the Terms of Service version 2027-01 and sent the acceptance to the router.",
                ACTION);
        page = sysadmin.text();
        assertThat(page).doesNotContain("Terms updated").doesNotContain("What changed since")
                .contains("Sent the acceptance of the Terms of Service version 2027-01; the router received it.");
        WebElement accepted = section(sysadmin, "Terms you accepted");
        String table = accepted.getText();
        assertThat(table).containsPattern("2027-01 " + Pattern.quote(due) + " Morgan, Alex " + TIME
                        + " 127\\.0\\.0\\.1 Yes, " + TIME + " sha256:[0-9a-f]{8}\u2026[0-9a-f]{8}")
                .containsPattern("2026-07 07/01/2026 Morgan, Alex " + TIME + " 127\\.0\\.0\\.1 Yes, " + TIME
                        + " sha256:[0-9a-f]{8}\u2026[0-9a-f]{8}")
                .contains("Version 2027-01 as accepted", "Version 2026-07 as accepted", REWORDED, ADDED);
        shoot(sysadmin, "guide-terms-accepted.png", "Terms you accepted");
    }

    private void suspendedAndReinstated(Browser sysadmin) throws IOException {
        String url = sysadmin.driver.getCurrentUrl();
        vendorDecides("suspend", "ACTIVE", SUSPENSION);
        waitForPanel(sysadmin, "Suspended by the vendor: " + SUSPENSION + " Contact the vendor; this page shows when "
                + "they lift it.");
        assertThat(sysadmin.driver.getCurrentUrl()).as("the page updated itself").isEqualTo(url);
        assertThat(panel(sysadmin)).containsPattern("Exchange Status:\\s*Inactive")
                .contains("The vendor suspended the exchange: " + SUSPENSION)
                .doesNotContain("I have read and agree to the Terms of Service");
        shoot(sysadmin, "guide-suspended.png", STATUS, "History");

        vendorDecides("reinstate", "SUSPENDED", "");
        waitForPanel(sysadmin, "The vendor lifted the suspension: the exchange is Active again.");
        assertThat(panel(sysadmin)).containsPattern("Exchange Status:\\s*Active");
    }

    private void deregistered(Browser sysadmin) throws IOException {
        press(sysadmin, By.id("b-deregister"));
        sysadmin.waitForText("Deregister the district from the National Records Exchange?", ACTION);
        assertThat(sysadmin.text()).contains("Records can no longer be exchanged until the district registers again "
                + "and the vendor authorizes it.");
        assertThat(panelOrNull(sysadmin)).as("a page that asks, not yet the panel").isNull();
        press(sysadmin, By.cssSelector("form[action='/panels/nre/actions/deregister'] button.danger"));
        sysadmin.waitForText("The district is deregistered from the National Records Exchange; records can no longer "
                + "be exchanged. You may register again at any time.", ACTION);
        String page = sysadmin.text();
        assertThat(page).containsPattern("Exchange Registration: Deregistered \\(was registered from: 127\\.0\\.0\\.1, "
                        + "Application Name: med1\\)")
                .containsPattern("Exchange Status:\\s*Inactive\\s*The district withdrew from the exchange. You may "
                        + "register again below.")
                .contains("Withdrew the district from the National Records Exchange; the router received it. The "
                        + "district may register again.")
                .contains("I have read and agree to the Terms of Service", "Terms of Service version 2027-01");
        assertThat(sysadmin.driver.findElements(By.id("b-deregister"))).isEmpty();
        shoot(sysadmin, "guide-deregistered.png", STATUS, "Terms of Service");
    }

    private void rejected(Browser sysadmin) throws IOException {
        register(sysadmin);
        String url = sysadmin.driver.getCurrentUrl();
        vendorDecides("reject", "PENDING", REJECTION);
        waitForPanel(sysadmin, "Rejected by the vendor: " + REJECTION + " Correct what the vendor says, then register "
                + "again below.");
        assertThat(sysadmin.driver.getCurrentUrl()).as("the page updated itself").isEqualTo(url);
        waitForPanel(sysadmin, "I have read and agree to the Terms of Service");
        String page = panel(sysadmin);
        assertThat(page).containsPattern("Exchange Registration: Rejected \\(was registered from: 127\\.0\\.0\\.1, "
                        + "Application Name: med1\\)")
                .containsPattern("Exchange Status:\\s*Inactive")
                .contains("The vendor rejected the registration: " + REJECTION + " The district may register again.")
                .contains("Register with the National Records Exchange", "Earlier registrations")
                .containsPattern("Registered at Registered by Outcome Since Vendor's reference\\s+" + TIME
                        + " Morgan, Alex Deregistered. " + TIME + " reg_[0-9a-f]+");
        assertThat(sysadmin.driver.findElements(By.id("b-deregister"))).isEmpty();
        shoot(sysadmin, "guide-rejected.png", STATUS, "Terms of Service", "Earlier registrations");
    }

    private void registeredAgain(Browser sysadmin) throws IOException {
        register(sysadmin);
        String page = sysadmin.text();
        assertThat(page).containsPattern("Exchange Status:\\s*Inactive\\s*Pending verification")
                .containsPattern("Registered By: Morgan, Alex at " + TIME)
                .containsPattern(TIME + " Morgan, Alex Rejected by the vendor. " + Pattern.quote(REJECTION) + " "
                        + TIME + " reg_[0-9a-f]+")
                .containsPattern(TIME + " Morgan, Alex Deregistered. " + TIME + " reg_[0-9a-f]+")
                .contains("Accepted the Terms of Service version 2027-01 and asked to register the district.")
                .doesNotContain("I have read and agree to the Terms of Service");
        JsonNode registrations = new Vendor(vendor).state().path("registrations");
        assertThat(registrations).as("three registrations at the router, one per registering").hasSize(3);
        assertThat(registrations.get(0).path("state").asText()).isEqualTo("PENDING");
        shoot(sysadmin, "guide-registered-again.png", STATUS, "Earlier registrations", "History");
    }

    /**
     * A second console whose router stops answering: it fetched the terms while the router was up, then the
     * router goes away and "Check status now" is pressed once. Its status poll runs hourly here, so that nothing
     * but that press calls the router while the screenshot is taken.
     */
    private void routerUnreachable() throws IOException {
        Path other = dir.resolve("other-district");
        Path plugins = TestConsole.dropFolderWithSimulator(other);
        Path settings = Files.writeString(other.resolve("plugin-settings.properties"),
                "nre.poll-interval-seconds=3600\n");
        TestConsole second = TestConsole.start(List.of("--port", "0", "--plugins", plugins.toString(), "--data",
                        other.resolve("data").toString(), "--application-name", "med1", "--server-address", "127.0.0.1",
                        "--time-zone", TestConsole.TIME_ZONE.getId(), "--plugin-settings", settings.toString()),
                Map.of("NRE_ADMIN_PASSWORD", TestConsole.ADMIN_PASSWORD,
                        "NRE_DEMO_PASSWORD", TestConsole.DEMO_PASSWORD),
                Clock.systemUTC(), plugins);
        try (second; Browser sysadmin = Browser.open(second.client().base(), true)) {
            WebClient admin = second.adminWithTools();
            grantReadWriteAndDelete(admin);
            sysadmin.signIn("sysadmin", TestConsole.DEMO_PASSWORD);
            sysadmin.go("/panels/nre");
            sysadmin.waitUntil(d -> {
                if (d.findElements(By.id("b-register")).isEmpty()) {
                    d.navigate().refresh();
                    return false;
                }
                return true;
            }, SHOWS_WITHIN);
            assertThat(sysadmin.driver.findElement(By.id("b-register")).getAttribute("disabled")).isNull();
            String port = second.routerGoesAway(3600);

            press(sysadmin, By.id("b-refresh"));
            sysadmin.waitForText("The status shown is the last one known; the console keeps checking on its own.",
                    ACTION);
            String page = sysadmin.text();
            String unreachable = "The router at 127\\.0\\.0\\.1:" + port + " could not be reached[.:]";
            assertThat(sysadmin.driver.findElement(By.cssSelector("#flash[role=alert]")).getText())
                    .containsPattern("^Nothing was sent; try again when the router is back\\. " + unreachable
                            + ".* The status shown is the last one known; the console keeps checking on its own\\.$");
            assertThat(page)
                    .containsPattern("Router:\\s*Unreachable\\s*Router unreachable since " + TIME + ". Last contact: "
                            + TIME + ". " + unreachable)
                    .containsPattern("Exchange Registration:\\s*Not Registered");
            WebElement register = sysadmin.driver.findElement(By.id("b-register"));
            assertThat(register.getAttribute("disabled")).as("Register is shown disabled").isNotNull();
            assertThat(register.isEnabled()).isFalse();
            assertThat(sysadmin.driver.findElement(By.id("why-register")).getText()).matches("The router has not "
                    + "answered since " + TIME + "\\. Last contact: " + TIME + "\\. Press \"Check status now\" to try "
                    + "it again\\.");
            assertThat(sysadmin.driver.findElement(By.id("b-refresh")).isEnabled())
                    .as("checking again is how to find the router back").isTrue();
            shoot(sysadmin, "guide-router-unreachable.png", STATUS, "Terms of Service");
        }
    }

    // ------------------------------------------------------------------ the vendor's side

    private void grantReadWriteAndDelete(WebClient admin) {
        TestConsole.grant(admin, "nre.registration", "group:g-sysadmins", "RWD");
    }

    /** The vendor decides on the district's registration that is in the given state. */
    private void vendorDecides(String decision, String state, String reason) throws IOException {
        new Vendor(vendor).decideOn(state, decision, reason);
    }

    // ------------------------------------------------------------------ the page

    private static void register(Browser sysadmin) {
        sysadmin.driver.findElement(By.cssSelector("label[for='f-accept-terms']")).click();
        press(sysadmin, By.id("b-register"));
        sysadmin.waitForText("Registered with the National Records Exchange. The vendor will now verify", ACTION);
    }

    /** Presses a button that submits a form, and waits for the answer's page to replace this one. */
    private static void press(Browser browser, By button) {
        WebElement page = browser.driver.findElement(By.tagName("html"));
        browser.driver.findElement(button).click();
        new WebDriverWait(browser.driver, ACTION).until(d -> left(page));
    }

    /**
     * Whether the element's page has been left. Chromium sometimes answers for an element of a document it is
     * leaving with an inspector error rather than a stale element.
     */
    private static boolean left(WebElement element) {
        try {
            element.isEnabled();
            return false;
        } catch (StaleElementReferenceException e) {
            return true;
        } catch (WebDriverException e) {
            if (String.valueOf(e.getMessage()).contains("does not belong to the document")) {
                return true;
            }
            throw e;
        }
    }

    private static String panel(Browser browser) {
        String[] text = new String[1];
        browser.waitUntil(d -> {
            text[0] = d.findElement(By.id("panel")).getText();
            return true;
        }, ACTION);
        return text[0];
    }

    private static String panelOrNull(Browser browser) {
        return browser.driver.findElements(By.id("panel")).isEmpty() ? null : panel(browser);
    }

    private static void waitForPanel(Browser browser, String text) {
        browser.waitUntil(d -> d.findElement(By.id("panel")).getText().contains(text), SHOWS_WITHIN);
    }

    private static WebElement section(Browser browser, String heading) {
        return browser.driver.findElement(By.xpath("//section[h2[normalize-space()=\"" + heading + "\"]]"));
    }

    /**
     * The page as the window shows it when it is as tall as the page: its top (the menu bar, the title, the
     * message of the last action), then the named sections; a dashed band marks where sections in between were
     * left out, so that each screenshot shows what its step of the guide is about.
     */
    private static void shoot(Browser browser, String file, String... headings) throws IOException {
        JavascriptExecutor js = (JavascriptExecutor) browser.driver;
        long page = ((Number) js.executeScript("return document.documentElement.scrollHeight")).longValue();
        long inner = ((Number) js.executeScript("return window.innerHeight")).longValue();
        int chrome = browser.driver.manage().window().getSize().getHeight() - (int) inner;
        browser.driver.manage().window().setSize(new Dimension(WIDTH, (int) Math.min(page, 8000) + chrome));
        BufferedImage whole;
        List<int[]> bands = new ArrayList<>();
        try {
            js.executeScript("window.scrollTo(0, 0)");
            double scale = ((Number) js.executeScript("return window.devicePixelRatio")).doubleValue();
            whole = ImageIO.read(new ByteArrayInputStream(
                    ((TakesScreenshot) browser.driver).getScreenshotAs(OutputType.BYTES)));
            WebElement first = browser.driver.findElement(By.cssSelector("#panel > section"));
            bands.add(new int[] {0, (int) (top(js, first) * scale) - MARGIN});
            for (String heading : headings) {
                WebElement section = section(browser, heading);
                bands.add(new int[] {(int) (top(js, section) * scale) - MARGIN,
                        (int) (bottom(js, section) * scale) + MARGIN});
            }
        } finally {
            browser.driver.manage().window().setSize(new Dimension(WIDTH, HEIGHT));
        }
        List<int[]> merged = new ArrayList<>();
        for (int[] band : bands) {
            int[] last = merged.isEmpty() ? null : merged.get(merged.size() - 1);
            if (last != null && band[0] <= last[1] + 2 * MARGIN) {
                last[1] = Math.max(last[1], Math.min(band[1], whole.getHeight()));
            } else {
                merged.add(new int[] {band[0], Math.min(band[1], whole.getHeight())});
            }
        }
        int height = merged.stream().mapToInt(b -> b[1] - b[0]).sum() + (merged.size() - 1) * GAP;
        BufferedImage shot = new BufferedImage(whole.getWidth(), height, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = shot.createGraphics();
        int y = 0;
        for (int i = 0; i < merged.size(); i++) {
            int[] band = merged.get(i);
            if (i > 0) {
                g.setColor(new Color(whole.getRGB(whole.getWidth() - 4, band[0])));
                g.fillRect(0, y, whole.getWidth(), GAP);
                g.setColor(new Color(0x8a96a6));
                g.setStroke(new BasicStroke(2, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 10,
                        new float[] {8, 8}, 0));
                g.drawLine(0, y + GAP / 2, whole.getWidth(), y + GAP / 2);
                y += GAP;
            }
            g.drawImage(whole.getSubimage(0, band[0], whole.getWidth(), band[1] - band[0]), 0, y, null);
            y += band[1] - band[0];
        }
        g.dispose();
        Files.createDirectories(IMAGES);
        ImageIO.write(shot, "png", IMAGES.resolve(file).toFile());
    }

    private static double top(JavascriptExecutor js, WebElement element) {
        return ((Number) js.executeScript("return arguments[0].getBoundingClientRect().top + window.scrollY",
                element)).doubleValue();
    }

    private static double bottom(JavascriptExecutor js, WebElement element) {
        return ((Number) js.executeScript("return arguments[0].getBoundingClientRect().bottom + window.scrollY",
                element)).doubleValue();
    }

    private static int indexStartingWith(List<String> paragraphs, String start) {
        for (int i = 0; i < paragraphs.size(); i++) {
            if (paragraphs.get(i).startsWith(start)) {
                return i;
            }
        }
        throw new AssertionError("The current terms have no paragraph starting '" + start + "'");
    }
}
