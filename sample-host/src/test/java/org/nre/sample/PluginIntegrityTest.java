package org.nre.sample;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.MessageDigest;
import java.security.PrivateKey;
import java.security.Signature;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What a plugin zip must be to be loaded: what the operator pinned or signed, no bigger expanded than the bound
 * however its entries lie, expanded whole or not at all, and with ids of its own; and a plugin that cannot stop
 * cleanly can still be disabled.
 */
@Tag("slow")
class PluginIntegrityTest {

    @TempDir
    Path dir;

    @Test
    void thePluginsPageAndApiShowEachZipsSha256() throws Exception {
        Path plugins = TestConsole.dropFolderWithNrePlugin(dir);
        Path greeter = PluginPlatformTest.greeterPlugin("Hello").zipInto(plugins);
        try (TestConsole console = start(plugins, List.of())) {
            WebClient admin = console.adminWithTools();
            assertThat(admin.get("/admin/plugins").body()).contains(greeter.getFileName().toString(),
                    "<code class=\"digest\">" + sha256(greeter) + "</code>");
            assertThat(admin.get("/api/plugins").body()).contains("\"archive\":\"greeter-1.0.0.zip\",\"sha256\":\""
                    + sha256(greeter) + "\"");
        }
    }

    @Test
    void withPinnedChecksumsAZipNotListedIsRefusedWithItsChecksumAndWhatToDo() throws Exception {
        Path plugins = TestConsole.dropFolderWithNrePlugin(dir);
        Path nre = nreZip(plugins);
        Path greeter = PluginPlatformTest.greeterPlugin("Hello").zipInto(plugins);
        Path pinned = Files.writeString(dir.resolve("plugins.sha256"), "# approved builds\n" + sha256(nre) + "  "
                + nre.getFileName() + "\n");
        try (TestConsole console = start(plugins, List.of("--plugin-checksums", pinned.toString()))) {
            WebClient admin = console.adminWithTools();
            String page = admin.get("/admin/plugins").body();
            assertThat(page).contains("Refused greeter-1.0.0.zip (SHA-256 " + sha256(greeter) + "): Its SHA-256 is "
                    + "not among the pinned checksums in " + pinned, "add the line '" + sha256(greeter));
            assertThat(admin.get("/panels/greeter").status()).isEqualTo(404);
            assertThat(admin.get("/panels/nre").status()).as("the pinned zip is loaded").isEqualTo(200);
            assertThat(Files.exists(plugins.resolve("greeter-1.0.0"))).as("nothing of it expanded").isFalse();
        }
    }

    @Test
    void withTrustedKeysASignedZipLoadsAndOneChangedAfterSigningIsRefused() throws Exception {
        KeyPair vendor = KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
        KeyPair stranger = KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
        Path keys = Files.writeString(dir.resolve("trusted-keys.pem"), "-----BEGIN PUBLIC KEY-----\n"
                + Base64.getMimeEncoder().encodeToString(vendor.getPublic().getEncoded()) + "\n-----END PUBLIC KEY-----\n");
        Path plugins = TestConsole.dropFolderWithNrePlugin(dir);
        sign(nreZip(plugins), vendor.getPrivate());
        Path greeter = PluginPlatformTest.greeterPlugin("Hello").zipInto(plugins);
        sign(greeter, vendor.getPrivate());
        Path other = TestPlugin.named("other").extension("org.example.other.Tool", FaultyPluginsTest.tool("other",
                "return PanelView.of();", "return ActionResult.success(\"ok\");")).zipInto(plugins);
        sign(other, stranger.getPrivate());
        Path unsigned = TestPlugin.named("unsigned").extension("org.example.unsigned.Tool", FaultyPluginsTest.tool(
                "unsigned", "return PanelView.of();", "return ActionResult.success(\"ok\");")).zipInto(plugins);
        try (TestConsole console = start(plugins, List.of("--plugin-keys", keys.toString()))) {
            assertThat(console.adminWithTools().get("/panels/greeter").status()).isEqualTo(200);
        }

        // The greeter's zip is rebuilt with other content, and keeps its old signature.
        PluginPlatformTest.greeterPlugin("Tampered").zipInto(plugins);
        try (TestConsole console = start(plugins, List.of("--plugin-keys", keys.toString()))) {
            WebClient admin = console.adminWithTools();
            String page = admin.get("/admin/plugins").body();
            assertThat(page).contains("Refused greeter-1.0.0.zip (SHA-256 " + sha256(greeter) + "): Its signature "
                    + "greeter-1.0.0.zip.sig does not verify with any trusted key");
            assertThat(page).contains("Refused other-1.0.0.zip", "does not verify with any trusted key");
            assertThat(page).contains("Refused unsigned-1.0.0.zip", "It has no signature beside it "
                    + "(unsigned-1.0.0.zip.sig)");
            assertThat(admin.get("/panels/greeter").status()).isEqualTo(404);
            assertThat(admin.get("/panels/nre").status()).isEqualTo(200);
            assertThat(unsigned).exists();
        }
    }

    @Test
    void aZipWhoseEntriesUnderstateTheirSizeIsStoppedAsItExpandsAndNothingOfItIsKept() throws Exception {
        Path plugins = TestConsole.dropFolderWithNrePlugin(dir);
        Path bomb = lyingZip(plugins.resolve("bomb-1.0.0.zip"));
        try (TestConsole console = start(plugins, List.of())) {
            String page = console.adminWithTools().get("/admin/plugins").body();
            assertThat(page).contains("Refused bomb-1.0.0.zip: it expands to more than 200 MB (counted as it was "
                    + "expanded; its entries declare less)");
            assertThat(console.adminWithTools().get("/panels/nre").status()).isEqualTo(200);
        }
        try (Stream<Path> left = Files.list(plugins)) {
            assertThat(left.map(p -> p.getFileName().toString()).toList())
                    .as("no folder of the bomb, finished or not").noneMatch(name -> name.contains("bomb-1.0.0")
                            && !name.equals(bomb.getFileName().toString()));
        }
    }

    @Test
    void aFolderLeftHalfExpandedIsNeverLoadedTheZipIsExpandedAgain() throws Exception {
        Path plugins = TestConsole.dropFolderWithNrePlugin(dir);
        Path greeter = PluginPlatformTest.greeterPlugin("Whole").zipInto(plugins);
        // As a crash in the middle of expanding would leave it: the descriptor and part of the classes.
        Path half = Files.createDirectories(plugins.resolve("greeter-1.0.0/classes/META-INF"));
        Files.writeString(half.resolve("MANIFEST.MF"), "Manifest-Version: 1.0\nPlugin-Id: greeter\n"
                + "Plugin-Version: 1.0.0\n\n");
        // And a refused zip's old folder, from before it was refused.
        Path stale = Files.createDirectories(plugins.resolve("bomb-1.0.0/classes/META-INF"));
        Files.writeString(stale.resolve("MANIFEST.MF"), "Manifest-Version: 1.0\nPlugin-Id: bomb\nPlugin-Version: "
                + "1.0.0\n\n");
        lyingZip(plugins.resolve("bomb-1.0.0.zip"));
        try (TestConsole console = start(plugins, List.of())) {
            WebClient admin = console.adminWithTools();
            assertThat(admin.get("/panels/greeter").body()).contains("Whole");
            assertThat(admin.get("/api/plugins").body()).doesNotContain("\"id\":\"bomb\"")
                    .contains("\"sha256\":\"" + sha256(greeter) + "\"");
        }
        assertThat(plugins.resolve("bomb-1.0.0")).doesNotExist();
    }

    @Test
    void aPluginCannotTakeAnotherPluginsRightPanelOrMenuIdWhateverItsNameSortsAs() throws Exception {
        Path plugins = TestConsole.dropFolderWithNrePlugin(dir);
        copycat(plugins);
        try (TestConsole console = start(plugins, List.of())) {
            WebClient admin = console.adminWithTools();
            String page = admin.get("/admin/plugins").body();
            assertThat(page).contains("Its right 'nre.registration' was left out: plugin 'nre' has "
                    + "contributed a right with that id since", "(with the grants on it). Plugin 'aaa-copycat' "
                    + "must use another id");
            assertThat(page).contains("Its panel 'nre' was left out: plugin 'nre' has contributed a "
                    + "panel with that id");
            assertThat(admin.get("/panels/nre").body()).as("the NRE panel is the NRE plugin's")
                    .contains("Exchange Registration").doesNotContain("Copied");
        }
        // A restart changes nothing: the claims are remembered.
        try (TestConsole console = start(plugins, List.of())) {
            assertThat(console.adminWithTools().get("/panels/nre").body()).contains("Exchange Registration");
        }
    }

    @Test
    void aPluginWhoseStopThrowsIsDisabledAllTheSameAndSaysWhy() throws Exception {
        Path plugins = TestConsole.dropFolderWithNrePlugin(dir);
        TestPlugin.named("stubborn").pluginClass("org.example.stubborn.Stubborn", """
                package org.example.stubborn;
                public class Stubborn extends org.pf4j.Plugin {
                    public void stop() {
                        throw new IllegalStateException("cannot let go of its connection");
                    }
                }""").extension("org.example.stubborn.Tool", FaultyPluginsTest.tool("stubborn",
                "return PanelView.of();", "return ActionResult.success(\"ok\");")).zipInto(plugins);
        try (TestConsole console = start(plugins, List.of())) {
            WebClient admin = console.adminWithTools();
            assertThat(admin.get("/panels/stubborn").status()).isEqualTo(200);

            assertThat(admin.submit("/admin/plugins", "/admin/plugins/stubborn/disable", Map.of("_confirmed", "yes")).status())
                    .isEqualTo(303);

            assertThat(admin.get("/panels/stubborn").status()).isEqualTo(404);
            assertThat(admin.get("/api/plugins").body()).contains("\"id\":\"stubborn\"", "\"state\":\"DISABLED\"",
                    "failed while stopping (IllegalStateException: cannot let go of its connection). The console "
                            + "stopped using it all the same");
        }
    }

    private static TestConsole start(Path plugins, List<String> extra) {
        List<String> args = new ArrayList<>(List.of("--port", "0", "--plugins", plugins.toString(), "--data",
                plugins.resolveSibling("data").toString()));
        args.addAll(extra);
        return TestConsole.start(args, Map.of("NRE_ADMIN_PASSWORD", TestConsole.ADMIN_PASSWORD, "NRE_DEMO_PASSWORD",
                TestConsole.DEMO_PASSWORD), Clock.systemUTC(), plugins);
    }

    private static Path nreZip(Path plugins) throws IOException {
        try (Stream<Path> files = Files.list(plugins)) {
            return files.filter(p -> p.getFileName().toString().startsWith("nre-plugin-")
                    && p.getFileName().toString().endsWith(".zip")).findFirst().orElseThrow();
        }
    }

    private static void copycat(Path plugins) {
        TestPlugin.named("aaa-copycat").extension("org.example.copycat.Copy", """
                package org.example.copycat;

                import java.util.EnumSet;
                import java.util.List;
                import org.nre.hostapi.menu.*;
                import org.nre.hostapi.panel.*;
                import org.nre.hostapi.rights.*;
                import org.pf4j.Extension;

                @Extension
                public class Copy implements MenuContribution, RightContribution, SettingsPanel {
                    public List<MenuEntry> menuEntries() {
                        return List.of(new MenuEntry("copy", List.of("Tools"), "Copied", 1,
                                Permission.read("nre.registration"), "nre"));
                    }
                    public List<RightDefinition> rights() {
                        return List.of(new RightDefinition("nre.registration", "Copied", List.of("Tools"), "",
                                EnumSet.of(Level.READ, Level.WRITE, Level.DELETE), "", false));
                    }
                    public PanelDefinition definition() {
                        return new PanelDefinition("nre", "Copied", "nre.registration", List.of());
                    }
                    public PanelView view(PanelRequest request) {
                        return PanelView.of();
                    }
                    public ActionResult act(String action, ActionInput input, PanelRequest request) {
                        return ActionResult.success("ok");
                    }
                }""").zipInto(plugins);
    }

    /** A plugin zip whose one big entry says it holds 1000 bytes and expands to 210 MB. */
    static Path lyingZip(Path zip) throws IOException {
        try (ZipOutputStream out = new ZipOutputStream(Files.newOutputStream(zip))) {
            out.putNextEntry(new ZipEntry("classes/META-INF/MANIFEST.MF"));
            out.write("Manifest-Version: 1.0\nPlugin-Id: bomb\nPlugin-Version: 1.0.0\n\n".getBytes(StandardCharsets.UTF_8));
            out.closeEntry();
            out.putNextEntry(new ZipEntry("lib/zeros.bin"));
            byte[] megabyte = new byte[1 << 20];
            for (int i = 0; i < 210; i++) {
                out.write(megabyte);
            }
            out.closeEntry();
        }
        byte[] bytes = Files.readAllBytes(zip);
        ByteBuffer buffer = ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN);
        int real = 210 << 20;
        for (int i = 0; i + 46 < bytes.length; i++) {
            if (buffer.getInt(i) == 0x02014b50 && buffer.getInt(i + 24) == real) {
                buffer.putInt(i + 24, 1000); // the central directory's uncompressed size
            } else if (buffer.getInt(i) == 0x08074b50 && buffer.getInt(i + 12) == real) {
                buffer.putInt(i + 12, 1000); // the data descriptor's
            }
        }
        return Files.write(zip, bytes);
    }

    private static void sign(Path zip, PrivateKey key) throws Exception {
        Signature signer = Signature.getInstance("Ed25519");
        signer.initSign(key);
        signer.update(Files.readAllBytes(zip));
        Files.writeString(zip.resolveSibling(zip.getFileName() + ".sig"),
                Base64.getEncoder().encodeToString(signer.sign()) + "\n");
    }

    private static String sha256(Path file) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(file)));
    }
}
