package org.nre.hostkit.plugins;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPairGenerator;
import java.util.Base64;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nre.hostkit.ConfigException;

/** The operator's checksums and keys files: what is wrong with them stops the start, saying what to write. */
class PluginTrustTest {

    @TempDir
    Path dir;

    @Test
    void aChecksumsLineThatIsNoSha256IsRefusedByItsLineNumber() throws Exception {
        Path file = Files.writeString(dir.resolve("sums"), "# ok\n" + "a".repeat(64) + "  one.zip\nmd5 1234 two.zip\n");

        assertThatThrownBy(() -> PluginTrust.load(file, null)).isInstanceOf(ConfigException.class)
                .hasMessageContaining("line 3, is not a SHA-256 checksum: write lines as 'sha256sum plugin.zip' "
                        + "prints them");
    }

    @Test
    void aKeysFileWithoutAnEd25519KeyIsRefused() throws Exception {
        Path empty = Files.writeString(dir.resolve("empty.pem"), "no key here\n");
        byte[] rsa = KeyPairGenerator.getInstance("RSA").generateKeyPair().getPublic().getEncoded();
        Path wrong = Files.writeString(dir.resolve("rsa.pem"), "-----BEGIN PUBLIC KEY-----\n"
                + Base64.getMimeEncoder().encodeToString(rsa) + "\n-----END PUBLIC KEY-----\n");

        assertThatThrownBy(() -> PluginTrust.load(null, empty)).isInstanceOf(ConfigException.class)
                .hasMessageContaining("holds no public key");
        assertThatThrownBy(() -> PluginTrust.load(null, wrong)).isInstanceOf(ConfigException.class)
                .hasMessageContaining("is not Ed25519").hasMessageContaining("openssl genpkey -algorithm ed25519");
    }

    @Test
    void withNothingConfiguredNothingIsRequiredAndTheLogSaysHowToRequireIt() {
        assertThat(PluginTrust.none().required()).isFalse();
        assertThat(PluginTrust.none().describe()).contains("--plugin-checksums", "--plugin-keys");
    }
}
