package org.nre.sample;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.ZoneId;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.nre.hostapi.storage.DatabaseProduct;
import org.nre.hostkit.ConfigException;

class HostConfigTest {

    static HostConfig parse(Map<String, String> env, String... args) {
        return HostConfig.from(args, env);
    }

    @Test
    void defaultsRunOnPort8080WithTheEmbeddedDatabaseUnderDataAndPluginsFromPlugins() {
        HostConfig config = parse(Map.of());

        assertThat(config.port()).isEqualTo(8080);
        assertThat(config.bindAddress()).isEqualTo("127.0.0.1");
        assertThat(config.pluginsDir()).isEqualTo(Path.of("plugins").toAbsolutePath());
        assertThat(config.databaseUrl()).startsWith("jdbc:h2:file:" + Path.of("data").toAbsolutePath().resolve("console"))
                .contains(";MODE=MariaDB;DATABASE_TO_LOWER=TRUE");
        assertThat(config.embeddedDatabase()).isTrue();
        assertThat(config.demoData()).isTrue();
        assertThat(config.adminPassword()).isEmpty();
    }

    @Test
    void flagsBeatEnvironmentVariables() {
        HostConfig config = parse(Map.of("NRE_PORT", "9000", "NRE_PLUGINS_DIR", "/opt/env-plugins",
                        "NRE_TIME_ZONE", "America/Chicago"),
                "--port", "9100", "--plugins=/opt/flag-plugins");

        assertThat(config.port()).isEqualTo(9100);
        assertThat(config.pluginsDir()).isEqualTo(Path.of("/opt/flag-plugins"));
        assertThat(config.timeZone()).isEqualTo(ZoneId.of("America/Chicago"));
    }

    @Test
    void aMariaDbUrlNeedsAUserAndSeedsNoDemoDataUnlessAsked() {
        assertThatThrownBy(() -> parse(Map.of(), "--db-url", "jdbc:mariadb://db:3306/console"))
                .isInstanceOf(ConfigException.class).hasMessageContaining("--db-user");

        HostConfig config = parse(Map.of("NRE_DB_PASSWORD", "s3cret"), "--db-url", "jdbc:mariadb://db:3306/console",
                "--db-user", "console");
        assertThat(config.embeddedDatabase()).isFalse();
        assertThat(config.demoData()).isFalse();
        assertThat(config.databasePassword()).isEqualTo("s3cret");
        assertThat(config.toString()).doesNotContain("s3cret");
        assertThat(parse(Map.of(), "--db-url", "jdbc:mariadb://db/c", "--db-user", "c", "--demo-data", "true")
                .demoData()).isTrue();
        assertThat(config.databaseProduct()).isEqualTo(DatabaseProduct.MARIADB);
    }

    @Test
    void aPostgreSqlUrlRunsOnPostgreSqlNeedsAUserAndSeedsNoDemoDataUnlessAsked() {
        assertThatThrownBy(() -> parse(Map.of(), "--db-url", "jdbc:postgresql://db:5432/console"))
                .isInstanceOf(ConfigException.class).hasMessageContaining("A PostgreSQL URL needs a user")
                .hasMessageContaining("--db-user");

        HostConfig config = parse(Map.of("NRE_DB_PASSWORD", "s3cret"), "--db-url", "jdbc:postgresql://db:5432/console",
                "--db-user", "console");
        assertThat(config.databaseProduct()).isEqualTo(DatabaseProduct.POSTGRESQL);
        assertThat(config.embeddedDatabase()).isFalse();
        assertThat(config.demoData()).isFalse();
        assertThat(config.toString()).doesNotContain("s3cret");
        assertThat(parse(Map.of()).databaseProduct()).isEqualTo(DatabaseProduct.H2);
    }

    @Test
    void thePublicUrlTrustedProxiesAndTlsKeystoreAreReadAndCheckedWithMessagesThatSayWhatIsAllowed() {
        HostConfig config = parse(Map.of("NRE_TRUSTED_PROXIES", "10.0.0.0/8, 192.168.1.5,::1"),
                "--public-url", "https://Console.District.example/");

        assertThat(config.publicUrl()).hasToString("https://console.district.example");
        assertThat(config.frontend().https()).isTrue();
        assertThat(config.frontend().trusts("10.20.30.40")).isTrue();
        assertThat(config.frontend().trusts("192.168.1.5")).isTrue();
        assertThat(config.frontend().trusts("192.168.1.6")).isFalse();
        assertThat(config.frontend().trusts("::1")).isTrue();
        assertThat(parse(Map.of()).frontend().trusts("127.0.0.1")).as("no proxy is trusted by default").isFalse();

        assertThatThrownBy(() -> parse(Map.of(), "--public-url", "console.district.example"))
                .hasMessageContaining("must be an absolute https (or http) URL with a host");
        assertThatThrownBy(() -> parse(Map.of(), "--public-url", "https://console.example/nre"))
                .hasMessageContaining("the console's origin only");
        assertThatThrownBy(() -> parse(Map.of(), "--public-url", "https://user:pw@console.example"))
                .hasMessageContaining("the console's origin only");
        assertThatThrownBy(() -> parse(Map.of(), "--trusted-proxies", "proxy.district.example"))
                .hasMessageContaining("'proxy.district.example' is not an IP address or network");
        assertThatThrownBy(() -> parse(Map.of(), "--trusted-proxies", "10.0.0.0/33"))
                .hasMessageContaining("prefix length outside 0 to 32");
        assertThatThrownBy(() -> parse(Map.of(), "--tls-keystore", "/no/such/console.p12"))
                .hasMessageContaining("cannot be read").hasMessageContaining("NRE_TLS_KEYSTORE_PASSWORD");
        assertThatThrownBy(() -> parse(Map.of("NRE_MONITORING_TOKEN", "short")))
                .hasMessageContaining("NRE_MONITORING_TOKEN is too short: use at least 24");
        assertThat(parse(Map.of("NRE_MONITORING_TOKEN", "a-monitoring-token-of-some-length")).monitoringToken())
                .isEqualTo("a-monitoring-token-of-some-length");
        assertThat(parse(Map.of("NRE_MONITORING_TOKEN", "a-monitoring-token-of-some-length")).toString())
                .doesNotContain("a-monitoring-token");
    }

    @Test
    void wrongValuesAreRefusedWithMessagesThatSayWhatIsAllowed() {
        assertThatThrownBy(() -> parse(Map.of(), "--port", "http")).hasMessageContaining("use 1 to 65535");
        assertThatThrownBy(() -> parse(Map.of("NRE_PORT", "70000"))).hasMessageContaining("out of range");
        assertThatThrownBy(() -> parse(Map.of(), "--db-url", "jdbc:sqlserver://x:1433;databaseName=y"))
                .hasMessageContaining("use jdbc:mariadb://host:3306/database, jdbc:postgresql://host:5432/database "
                        + "or jdbc:h2:");
        assertThatThrownBy(() -> parse(Map.of(), "--db-url", "jdbc:postgresql://x/y?password=p", "--db-user", "u"))
                .hasMessageContaining("set NRE_DB_PASSWORD instead");
        assertThatThrownBy(() -> parse(Map.of(), "--db-url", "jdbc:mariadb://x/y?password=p", "--db-user", "u"))
                .hasMessageContaining("set NRE_DB_PASSWORD instead");
        assertThatThrownBy(() -> parse(Map.of(), "--time-zone", "Mars/Olympus"))
                .hasMessageContaining("America/Chicago");
        assertThatThrownBy(() -> parse(Map.of(), "--colour", "blue"))
                .hasMessageContaining("Unknown option '--colour'").hasMessageContaining("--port");
        assertThatThrownBy(() -> parse(Map.of(), "--port")).hasMessageContaining("needs a value");
        assertThatThrownBy(() -> parse(Map.of("NRE_ADMIN_PASSWORD", "short")))
                .hasMessageContaining("at least 12 characters");
        assertThatThrownBy(() -> parse(Map.of(), "--demo-data", "maybe")).hasMessageContaining("true or false");
    }

    @Test
    void theOptionsThatOnceConfiguredOnePluginAreRefusedWithWhereTheirSettingLivesNow() {
        assertThatThrownBy(() -> parse(Map.of(), "--router", "https://router.vendor.example"))
                .hasMessageContaining("Option '--router' (NRE_ROUTER) was withdrawn")
                .hasMessageContaining("--plugin-settings file as <plugin>.<name>=...")
                .hasMessageContaining("docs/operator-guide.md");
        assertThatThrownBy(() -> parse(Map.of(), "--router-port=9100"))
                .hasMessageContaining("Option '--router-port' (NRE_ROUTER_PORT) was withdrawn");
        assertThatThrownBy(() -> parse(Map.of("NRE_ROUTER_SECRET", "a-secret-value")))
                .hasMessageContaining("Variable NRE_ROUTER_SECRET was withdrawn")
                .hasMessageNotContaining("a-secret-value");
        assertThatThrownBy(() -> parse(Map.of("NRE_ROUTER", "simulated")))
                .hasMessageContaining("Unset NRE_ROUTER and drop --router to start.");
        assertThat(HostOptions.usage()).doesNotContain("--router");
    }

    @Test
    void usageListsEveryFlagWithItsEnvironmentVariable() {
        assertThat(HostOptions.usage()).contains("--port <value>", "NRE_PORT", "--plugins <value>", "NRE_PLUGINS_DIR",
                "--db-url <value>", "NRE_DB_URL", "NRE_DB_PASSWORD", "NRE_ADMIN_PASSWORD", "jdbc:mariadb://",
                "jdbc:postgresql://", "jdbc:h2:");
    }

    @Test
    void withoutAnSmtpHostNoticesAreNotMailedAndAStrayMailOptionIsRefused() {
        assertThat(parse(Map.of()).mail()).isNull();
        assertThatThrownBy(() -> parse(Map.of("NRE_MAIL_FROM", "console@district.example")))
                .hasMessageContaining("NRE_MAIL_FROM is set but NRE_SMTP_HOST (--smtp-host) is not");
    }

    @Test
    void anSmtpHostTakesItsSecuritysPortTheSenderAndLinksToThePublicAddress() {
        var mail = parse(Map.of("NRE_SMTP_HOST", "smtp.district.example", "NRE_MAIL_FROM", "console@district.example",
                "NRE_SMTP_USER", "console", "NRE_SMTP_PASSWORD", "mail-secret-value",
                "NRE_PUBLIC_URL", "https://console.district.example")).mail();

        assertThat(mail.host()).isEqualTo("smtp.district.example");
        assertThat(mail.port()).isEqualTo(587);
        assertThat(mail.security()).isEqualTo(org.nre.hostkit.notice.MailSettings.Security.STARTTLS);
        assertThat(mail.password()).isEqualTo("mail-secret-value");
        assertThat(mail.consoleAddress()).hasToString("https://console.district.example");
        assertThat(parse(Map.of("NRE_SMTP_HOST", "localhost", "NRE_MAIL_FROM", "c@d.example", "NRE_SMTP_SECURITY",
                "tls")).mail().port()).isEqualTo(465);
        assertThat(parse(Map.of("NRE_SMTP_HOST", "localhost", "NRE_MAIL_FROM", "c@d.example"), "--smtp-security",
                "none", "--smtp-port", "2525", "--port", "9090").mail()).satisfies(m -> {
                    assertThat(m.port()).isEqualTo(2525);
                    assertThat(m.consoleAddress()).hasToString("http://127.0.0.1:9090");
                });
        assertThat(parse(Map.of("NRE_SMTP_HOST", "smtp.district.example", "NRE_MAIL_FROM", "c@d.example",
                "NRE_SMTP_USER", "console", "NRE_SMTP_PASSWORD", "mail-secret-value")).toString())
                .contains("smtp.district.example").doesNotContain("mail-secret-value");
    }

    @Test
    void wrongMailOptionsAreRefusedWithWhatToDo() {
        Map<String, String> base = Map.of("NRE_SMTP_HOST", "localhost", "NRE_MAIL_FROM", "c@d.example");
        assertThatThrownBy(() -> parse(base, "--smtp-security", "ssl"))
                .hasMessageContaining("must be starttls, tls or none; got 'ssl'");
        assertThatThrownBy(() -> parse(base, "--smtp-port", "lots")).hasMessageContaining("'lots' is not a number");
        assertThatThrownBy(() -> parse(base, "--smtp-port", "70000")).hasMessageContaining("between 1 and 65535");
        assertThatThrownBy(() -> parse(Map.of("NRE_SMTP_HOST", "localhost")))
                .hasMessageContaining("NRE_MAIL_FROM (--mail-from) is not");
        assertThatThrownBy(() -> parse(base, "--mail-from", "console"))
                .hasMessageContaining("is not an e-mail address");
        assertThatThrownBy(() -> parse(Map.of("NRE_SMTP_HOST", "localhost", "NRE_MAIL_FROM", "c@d.example",
                "NRE_SMTP_PASSWORD", "x"))).hasMessageContaining("NRE_SMTP_USER (--smtp-user) is not");
    }
}
