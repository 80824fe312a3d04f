package org.nre.hostkit.notice;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import org.junit.jupiter.api.Test;
import org.nre.hostkit.ConfigException;
import org.nre.hostkit.notice.MailSettings.Security;

/** Mail settings refuse what could not work, naming the setting, and never show the password. */
class MailSettingsTest {

    static final URI CONSOLE = URI.create("https://console.district.example/");

    @Test
    void theLinkInEachMailIsTheConsolesNoticesPage() {
        MailSettings settings = new MailSettings("smtp.district.example", 587, Security.STARTTLS, "notices",
                "horse-battery", "Console <console@district.example>", CONSOLE);

        assertThat(settings.noticesPage()).isEqualTo(URI.create("https://console.district.example/notices"));
        assertThat(settings.toString()).contains("smtp.district.example:587", "STARTTLS", "as notices")
                .doesNotContain("horse-battery");
    }

    @Test
    void aWrongValueIsRefusedNamingTheSetting() {
        assertThatThrownBy(() -> settings("", 25, Security.NONE, null, null, "a@b.example", CONSOLE))
                .isInstanceOf(ConfigException.class).hasMessageContaining("SMTP host");
        assertThatThrownBy(() -> settings("smtp", 0, Security.NONE, null, null, "a@b.example", CONSOLE))
                .hasMessageContaining("port must be between 1 and 65535");
        assertThatThrownBy(() -> settings("smtp", 25, null, null, null, "a@b.example", CONSOLE))
                .hasMessageContaining("NONE, STARTTLS or TLS");
        assertThatThrownBy(() -> settings("smtp", 25, Security.NONE, "user", null, "a@b.example", CONSOLE))
                .hasMessageContaining("'user' needs a password");
        assertThatThrownBy(() -> settings("smtp", 25, Security.NONE, null, null, "not an address", CONSOLE))
                .hasMessageContaining("sender's address 'not an address'");
        assertThatThrownBy(() -> settings("smtp", 25, Security.NONE, null, null, "a@b.example",
                URI.create("/relative"))).hasMessageContaining("console's address");
        assertThatThrownBy(() -> settings("smtp", 25, Security.NONE, null, null, "a@b.example",
                URI.create("ftp://console.example"))).hasMessageContaining("http or https");
    }

    @Test
    void aPasswordWithoutAUserIsDropped() {
        assertThat(settings("smtp", 25, Security.NONE, " ", "secret", "a@b.example", CONSOLE).password()).isNull();
    }

    private static MailSettings settings(String host, int port, Security security, String username, String password,
                                         String from, URI console) {
        return new MailSettings(host, port, security, username, password, from, console);
    }
}
