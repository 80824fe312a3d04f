package org.nre.hostkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nre.conformance.PluginZip;
import org.nre.hostapi.HostApiException;
import org.nre.hostapi.HostInfo;
import org.nre.hostapi.notice.Audience;
import org.nre.hostapi.notice.Notice;
import org.nre.hostapi.notice.Severity;
import org.nre.hostapi.panel.ActionInput;
import org.nre.hostapi.panel.ActionResult;
import org.nre.hostapi.rights.Level;
import org.nre.hostapi.rights.RightSet;
import org.nre.hostapi.storage.DatabaseProduct;
import org.nre.hostapi.user.ActingUser;
import org.nre.hostkit.db.Version;
import org.nre.hostkit.menu.MenuTree;
import org.nre.hostkit.notice.Addressee;
import org.nre.hostkit.notice.Addressees;
import org.nre.hostkit.notice.MailSettings;
import org.nre.hostkit.notice.ShownNotice;
import org.nre.hostkit.panel.Panels;
import org.nre.hostkit.render.FormTarget;
import org.nre.hostkit.rights.Grant;

/**
 * The kit embedded as a console on another stack would: a pool, a folder with a real plugin zip, and no web
 * server. Menu, panel, action, rights and rendering all go through the kit's public API.
 */
class HostKitTest {

    @TempDir
    Path dir;

    private HikariDataSource pool;
    private HostKit kit;

    @BeforeEach
    void start() throws Exception {
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl("jdbc:h2:mem:" + dir.getFileName() + ";MODE=MariaDB;DATABASE_TO_LOWER=TRUE;"
                + "DEFAULT_NULL_ORDERING=HIGH;DB_CLOSE_DELAY=-1");
        pool = new HikariDataSource(config);
        Path plugins = Files.createDirectories(dir.resolve("plugins"));
        helloPlugin().zipInto(plugins);
        kit = HostKit.builder()
                .database(pool, DatabaseProduct.H2)
                .host(new HostInfo("Test Console", "1", "test", "127.0.0.1", ZoneId.of("UTC")))
                .district(Optional::empty)
                .memberships(userId -> userId.equals("jane") ? List.of("staff") : List.of())
                .addressees(Addressees.none())
                .pluginsDir(plugins)
                .secrets(dir.resolve("data"), null)
                .nodeId("node-1")
                .build();
        kit.migrate();
        kit.startPlugins();
    }

    @AfterEach
    void stop() {
        kit.close();
        pool.close();
    }

    @Test
    void aPluginZipInTheFolderIsStartedAndItsMenuEntryShownOnlyToAHolderOfItsRight() {
        assertThat(kit.plugins().statuses()).anySatisfy(status -> {
            assertThat(status.id()).isEqualTo("hello");
            assertThat(status.started()).isTrue();
        });

        assertThat(MenuTree.forUser(kit.plugins().contributions(), RightSet.none())).isEmpty();
        grantToGroup("staff", Level.READ);
        assertThat(MenuTree.forUser(kit.plugins().contributions(), rightsOf("jane")))
                .singleElement().satisfies(tools -> {
                    assertThat(tools.label()).isEqualTo("Tools");
                    assertThat(tools.children()).singleElement().extracting(MenuTree.Node::panelId)
                            .isEqualTo("hello");
                });
    }

    @Test
    void aPanelIsShownAndRunThroughTheLevelChecksAndARefusalIsAudited() {
        grantToGroup("staff", Level.READ);
        ActingUser reader = user("jane");

        Panels.ViewOutcome shown = kit.panels().view("hello", reader);
        Panels.ActOutcome refused = kit.panels().act("hello", "send", new ActionInput(Map.of()), reader, false);
        Panels.ViewOutcome stranger = kit.panels().view("hello", user("joe"));

        assertThat(shown).isInstanceOf(Panels.Shown.class);
        assertThat(((Panels.Shown) shown).allowedActions()).isEmpty();
        assertThat(refused).isInstanceOf(Panels.Forbidden.class);
        assertThat(stranger).isInstanceOf(Panels.Forbidden.class);
        assertThat(kit.audit().newest(10)).anySatisfy(entry -> {
            assertThat(entry.action()).isEqualTo("panel.denied");
            assertThat(entry.actorId()).isEqualTo("jane");
        });

        grantToGroup("staff", Level.WRITE);
        Panels.ActOutcome saved = kit.panels().act("hello", "save",
                new ActionInput(Map.of("greeting", "<script>alert(1)</script>")), user("jane"), false);
        assertThat(saved).isInstanceOfSatisfying(Panels.Done.class,
                done -> assertThat(done.result()).isInstanceOf(ActionResult.Success.class));
    }

    @Test
    void theHtmlFragmentEscapesWhatThePluginSuppliesAndEveryFormCarriesTheConsolesFieldsAndPath() {
        grantToGroup("staff", Level.WRITE);
        kit.panels().act("hello", "save", new ActionInput(Map.of("greeting", "<script>alert(1)</script>")),
                user("jane"), false);
        Panels.Shown shown = (Panels.Shown) kit.panels().view("hello", user("jane"));

        String html = kit.html().sections(shown, new FormTarget("/tools/hello/do/", Map.of("_token", "t-1"))).html();
        String json = new String(kit.json().of(shown), java.nio.charset.StandardCharsets.UTF_8);

        assertThat(html).doesNotContain("<script>").contains("&lt;script&gt;alert(1)&lt;/script&gt;")
                .contains("action=\"/tools/hello/do/send\"").contains("formaction=\"/tools/hello/do/save\"")
                .contains("<input type=\"hidden\" name=\"_token\" value=\"t-1\">");
        assertThat(html.split("<form ", -1)).hasSize(3);
        assertThat(html.split("name=\"_token\"", -1)).hasSize(3);
        assertThat(json).contains("\"id\":\"hello\"").contains("\"type\":\"labelled-value\"")
                .contains("\"name\":\"send\"");
    }

    @Test
    void aReaderIsShownNoControlAndOneLineSayingWhatTheyMayDoAndWhomToAsk() {
        grantToGroup("staff", Level.READ);
        Panels.Shown shown = (Panels.Shown) kit.panels().view("hello", user("jane"));

        String html = kit.html().sections(shown, new FormTarget("/tools/hello/do/", Map.of("_token", "t-1"),
                "Ask a console administrator (Ada Admin).")).html();
        String json = new String(kit.json().of(shown), java.nio.charset.StandardCharsets.UTF_8);

        assertThat(html).doesNotContain("<form").doesNotContain("<input").doesNotContain("<button")
                .doesNotContain("<textarea").doesNotContain("Danger zone")
                .contains("<p class=\"reader-note\" role=\"note\" data-key=\"reader-note\">You can view this tool. "
                        + "\"Send a greeting\", \"Save\" and \"Delete every greeting sent\" need the W or D level of "
                        + "'Hello'. Ask a console administrator (Ada Admin).</p>")
                .contains("Greetings sent").doesNotContain("Settings");
        assertThat(json).doesNotContain("text-input").doesNotContain("secret-input").doesNotContain("\"button\"")
                .contains("\"actions\":[]");
    }

    @Test
    void aDestructiveActionStandsApartInDangerColoursAndRunsOnlyOnceConfirmed() {
        grantToGroup("staff", Level.WRITE, Level.DELETE);
        Panels.Shown shown = (Panels.Shown) kit.panels().view("hello", user("jane"));

        String html = kit.html().sections(shown, new FormTarget("/tools/hello/do/", Map.of("_token", "t-1"))).html();
        String json = new String(kit.json().of(shown), java.nio.charset.StandardCharsets.UTF_8);
        Panels.ActOutcome unconfirmed = kit.panels().act("hello", "forget", new ActionInput(Map.of()), user("jane"),
                false);

        assertThat(html).doesNotContain("reader-note").contains("<h2 id=\"danger-zone-heading\">Danger zone</h2>");
        String zone = html.substring(html.indexOf("danger-zone"));
        assertThat(html.indexOf("danger-zone")).isGreaterThan(html.indexOf("formaction=\"/tools/hello/do/save\""));
        assertThat(zone).contains("<form method=\"post\" action=\"/tools/hello/do/forget\"")
                .contains("<input type=\"hidden\" name=\"_token\" value=\"t-1\">")
                .contains("<button type=\"submit\" id=\"b-forget\" class=\"danger\">Delete every greeting sent"
                        + "</button>");
        assertThat(html.substring(0, html.indexOf("danger-zone"))).doesNotContain("forget");
        assertThat(json).contains("\"name\":\"forget\"").contains("\"destructive\":true")
                .contains("\"name\":\"send\",\"label\":\"Send a greeting\",\"level\":\"W\",\"confirmation\":\"\","
                        + "\"destructive\":false");
        assertThat(unconfirmed).isInstanceOf(Panels.NeedsConfirmation.class);
    }

    @Test
    void aPluginsNoticeForItsOwnRightReachesItsHoldersAndOneForARightNoPluginDefinesIsRefused() {
        grantToGroup("staff", Level.WRITE);
        var hello = kit.notices().forPlugin("hello");

        assertThat(hello.raise(Notice.of("greetings.due", Audience.holdersOf("hello.greetings", Level.WRITE),
                Severity.WARNING, "Greetings are due", ""))).isTrue();
        assertThatThrownBy(() -> hello.raise(Notice.of("other", Audience.holdersOf("other.right", Level.READ),
                Severity.INFO, "Other", ""))).isInstanceOf(HostApiException.class)
                .hasMessageContaining("right 'other.right', which plugin 'hello' does not define");

        assertThat(kit.notices().openFor("jane", rightsOf("jane"))).extracting(ShownNotice::title)
                .containsExactly("Greetings are due");
        assertThat(kit.notices().openFor("ada", rightsOf("ada"))).isEmpty();
    }

    @Test
    void aKitWithMailSendsANewNoticeOnItsOwnThreadOnceItsPluginsStart() throws Exception {
        int port;
        try (java.net.ServerSocket socket = new java.net.ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        GreenMail smtp = new GreenMail(new ServerSetup(port, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
        smtp.start();
        Addressee jane = new Addressee("jane", "Doe, Jane", "jane@example.org");
        HostKit mailing = HostKit.builder()
                .database(pool, DatabaseProduct.H2)
                .host(new HostInfo("Test Console", "1", "test", "127.0.0.1", ZoneId.of("UTC")))
                .district(Optional::empty)
                .memberships(userId -> List.of())
                .addressees(new Addressees() {
                    @Override
                    public List<Addressee> holdersOf(String rightId, Level level) {
                        return rightId.equals("hello.greetings") ? List.of(jane) : List.of();
                    }

                    @Override
                    public Optional<Addressee> user(String userId) {
                        return Optional.empty();
                    }
                })
                .mail(new MailSettings("127.0.0.1", port, MailSettings.Security.NONE, null, null,
                        "console@example.org", java.net.URI.create("https://console.example.org")))
                .pluginsDir(dir.resolve("plugins"))
                .secrets(dir.resolve("data"), null)
                .nodeId("node-2")
                .build();
        try {
            mailing.startPlugins();

            mailing.notices().forPlugin("hello").raise(Notice.of("greetings.due",
                    Audience.holdersOf("hello.greetings", Level.READ), Severity.INFO, "Greetings are due", ""));

            assertThat(smtp.waitForIncomingEmail(15_000, 1)).isTrue();
            assertThat(smtp.getReceivedMessages()).singleElement()
                    .satisfies(mail -> assertThat(mail.getSubject()).isEqualTo("Greetings are due"));
            assertThat(mailing.notices().mailStatus().configured()).isTrue();
        } finally {
            mailing.close();
            smtp.stop();
        }
    }

    @Test
    void aKitWithoutWhatItNeedsSaysWhichValueIsMissing() {
        assertThatThrownBy(() -> HostKit.builder().database(pool, DatabaseProduct.H2).build())
                .isInstanceOf(ConfigException.class).hasMessageContaining("host(...)");
    }

    private void grantToGroup(String group, Level... levels) {
        Version current = kit.rights().version("hello.greetings");
        kit.rights().replace("hello.greetings", List.of(new Grant(Grant.Subject.GROUP, group, "hello.greetings",
                Set.of(levels))), new Version(current.number() + 1, "test", java.time.Instant.now(), "granted"));
    }

    private RightSet rightsOf(String userId) {
        return kit.rightsCache().of(userId, kit.rights().generation());
    }

    private ActingUser user(String id) {
        return new ActingUser(id, "Doe, " + id, "127.0.0.1", rightsOf(id));
    }

    /**
     * examples/hello-plugin, compiled from its sources into a real zip (the module itself is built later, on the
     * plugin test kit, which runs on this kit).
     */
    private static PluginZip helloPlugin() throws IOException {
        Path module = Path.of("../examples/hello-plugin/src/main");
        PluginZip zip = PluginZip.named("hello");
        try (Stream<Path> files = Files.walk(module.resolve("java"))) {
            for (Path source : files.filter(p -> p.toString().endsWith(".java")).sorted().toList()) {
                String className = module.resolve("java").relativize(source).toString()
                        .replace(java.io.File.separatorChar, '.').replaceAll("\\.java$", "");
                String text = Files.readString(source);
                zip = className.endsWith(".HelloPlugin") ? zip.pluginClass(className, text) : zip.source(className, text);
            }
        }
        try (Stream<Path> files = Files.walk(module.resolve("resources"))) {
            for (Path resource : files.filter(Files::isRegularFile).sorted().toList()) {
                zip = zip.resource(module.resolve("resources").relativize(resource).toString()
                        .replace(java.io.File.separatorChar, '/'), Files.readString(resource));
            }
        }
        return zip;
    }
}
