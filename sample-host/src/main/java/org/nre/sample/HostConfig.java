package org.nre.sample;

import java.nio.file.Path;
import java.time.ZoneId;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.nre.hostapi.storage.DatabaseProduct;
import org.nre.hostkit.ConfigException;
import org.nre.hostkit.notice.MailSettings;
import org.nre.sample.auth.PasswordPolicy;

/**
 * How the console runs: read from command-line flags, then environment variables, then defaults.
 *
 * @param port the HTTP port; 0 picks a free one
 * @param bindAddress the address the HTTP server listens on
 * @param pluginsDir the drop folder plugins are loaded from
 * @param dataDir where the embedded database and the secrets key live
 * @param databaseUrl a {@code jdbc:h2:}, {@code jdbc:mariadb:} or {@code jdbc:postgresql:} URL, never holding a
 *     password
 * @param databaseUser the database user
 * @param databasePassword the database password, from the environment only
 * @param applicationName the name this installation is known by
 * @param serverAddress the address other systems reach this console at
 * @param timeZone the time zone pages show times in
 * @param adminPassword the first administrator's password, from the environment only; empty to print a
 *     one-time password at first start
 * @param demoData whether to seed a demo district on first start
 * @param demoPassword the demo users' password, from the environment only; empty to print a generated one
 * @param developmentPlugins plugin module folders to load from their build output (development mode), or none
 * @param pluginSettings a properties file of plugin settings and secrets to apply at start, or null
 * @param publicUrl the console's public origin (behind a TLS-terminating proxy, say), or null to take each
 *     request's own
 * @param trustedProxies the proxies whose forwarded headers are believed
 * @param tlsKeystore a PKCS#12 keystore with the key and certificate the console serves TLS with itself, or null
 * @param tlsKeystorePassword the keystore's password, from the environment only
 * @param monitoringToken the token a monitor sends as {@code Authorization: Bearer} to read /healthz's details,
 *     from the environment only; empty for none
 * @param pluginChecksums a file of the SHA-256 checksums plugin zips must match (unless signed), or null
 * @param pluginKeys a file of the Ed25519 public keys whose signatures a plugin zip may carry instead, or null
 * @param mail how notices are e-mailed, or null when no mail server is set
 */
public record HostConfig(int port, String bindAddress, Path pluginsDir, Path dataDir, String databaseUrl,
                         String databaseUser, String databasePassword, String applicationName,
                         String serverAddress, ZoneId timeZone, String adminPassword, boolean demoData,
                         String demoPassword, List<Path> developmentPlugins, Path pluginSettings,
                         java.net.URI publicUrl, List<Frontend.Network> trustedProxies, Path tlsKeystore,
                         String tlsKeystorePassword, String monitoringToken, Path pluginChecksums,
                         Path pluginKeys, MailSettings mail) {

    static final int DEFAULT_PORT = 8080;

    static final String H2_PREFIX = "jdbc:h2:";
    static final String MARIADB_PREFIX = "jdbc:mariadb:";
    static final String POSTGRESQL_PREFIX = "jdbc:postgresql:";

    /** Checks the fields. */
    public HostConfig {
        developmentPlugins = List.copyOf(developmentPlugins);
        for (Path module : developmentPlugins) {
            if (!java.nio.file.Files.isDirectory(module.resolve("target"))) {
                throw new ConfigException("Development plugin '" + module + "' has no target/ folder: give the plugin's "
                        + "Maven module folder, built with 'mvn package'");
            }
        }
        if (pluginSettings != null && !java.nio.file.Files.isReadable(pluginSettings)) {
            throw new ConfigException("Plugin settings file '" + pluginSettings + "' cannot be read");
        }
        if (pluginChecksums != null && !java.nio.file.Files.isReadable(pluginChecksums)) {
            throw new ConfigException("Plugin checksums file '" + pluginChecksums + "' cannot be read");
        }
        if (pluginKeys != null && !java.nio.file.Files.isReadable(pluginKeys)) {
            throw new ConfigException("Plugin keys file '" + pluginKeys + "' cannot be read");
        }
        if (port < 0 || port > 65535) {
            throw new ConfigException("Port " + port + " is out of range: use 1 to 65535, or 0 for any free port");
        }
        checkDatabaseUrl(databaseUrl);
        if (!adminPassword.isEmpty() && adminPassword.length() < PasswordPolicy.MIN_LENGTH) {
            throw new ConfigException("NRE_ADMIN_PASSWORD is too short: use at least " + PasswordPolicy.MIN_LENGTH
                    + " characters");
        }
        if (!demoPassword.isEmpty() && demoPassword.length() < PasswordPolicy.MIN_LENGTH) {
            throw new ConfigException("NRE_DEMO_PASSWORD is too short: use at least " + PasswordPolicy.MIN_LENGTH
                    + " characters");
        }
        trustedProxies = List.copyOf(trustedProxies);
        tlsKeystorePassword = tlsKeystorePassword == null ? "" : tlsKeystorePassword;
        monitoringToken = monitoringToken == null ? "" : monitoringToken.strip();
        if (!monitoringToken.isEmpty() && monitoringToken.length() < 24) {
            throw new ConfigException("NRE_MONITORING_TOKEN is too short: use at least 24 random characters, such as "
                    + "the output of 'openssl rand -base64 24'");
        }
        if (tlsKeystore != null && !java.nio.file.Files.isReadable(tlsKeystore)) {
            throw new ConfigException("TLS keystore '" + tlsKeystore + "' cannot be read: give a PKCS#12 file with "
                    + "the console's key and certificate, and its password in NRE_TLS_KEYSTORE_PASSWORD");
        }
    }

    /** How people reach the console: its public URL, the proxies it trusts, whether it serves TLS itself. */
    public Frontend frontend() {
        return new Frontend(java.util.Optional.ofNullable(publicUrl), trustedProxies, tlsKeystore != null,
                serverAddress);
    }

    /**
     * Reads the configuration.
     *
     * @param args command-line flags such as {@code --port 8081} or {@code --port=8081}
     * @param env the environment
     * @return the configuration
     * @throws ConfigException when a value is wrong or a flag is unknown
     */
    public static HostConfig from(String[] args, Map<String, String> env) {
        Map<String, String> values = HostOptions.values(args, env);

        int port = HostOptions.port(values.getOrDefault("NRE_PORT", String.valueOf(DEFAULT_PORT)));
        String bind = values.getOrDefault("NRE_BIND", "127.0.0.1");
        Path plugins = Path.of(values.getOrDefault("NRE_PLUGINS_DIR", "plugins")).toAbsolutePath().normalize();
        Path data = Path.of(values.getOrDefault("NRE_DATA_DIR", "data")).toAbsolutePath().normalize();
        String url = checkDatabaseUrl(values.getOrDefault("NRE_DB_URL", embeddedUrl(data)));
        boolean embedded = url.startsWith(H2_PREFIX);
        String user = values.get("NRE_DB_USER");
        if (user == null) {
            if (!embedded) {
                throw new ConfigException("A " + (url.startsWith(POSTGRESQL_PREFIX) ? "PostgreSQL" : "MariaDB")
                        + " URL needs a user: pass --db-user or set NRE_DB_USER (and NRE_DB_PASSWORD if it has a "
                        + "password)");
            }
            user = "sa";
        }
        String serverAddress = values.getOrDefault("NRE_SERVER_ADDRESS",
                "0.0.0.0".equals(bind) || "::".equals(bind) ? "127.0.0.1" : bind);
        ZoneId zone = HostOptions.zone(values.get("NRE_TIME_ZONE"));
        boolean demo = HostOptions.bool("--demo-data", values.getOrDefault("NRE_DEMO_DATA", String.valueOf(embedded)));
        java.net.URI publicUrl = values.containsKey("NRE_PUBLIC_URL") ? Frontend.publicUrl(values.get("NRE_PUBLIC_URL"))
                : null;
        return new HostConfig(port, bind, plugins, data, url, user,
                env.getOrDefault("NRE_DB_PASSWORD", ""),
                values.getOrDefault("NRE_APPLICATION_NAME", "nre-sample"),
                serverAddress, zone, env.getOrDefault("NRE_ADMIN_PASSWORD", ""), demo,
                env.getOrDefault("NRE_DEMO_PASSWORD", ""),
                HostOptions.paths(values.getOrDefault("NRE_DEV_PLUGINS", "")),
                HostOptions.path(values.get("NRE_PLUGIN_SETTINGS")),
                publicUrl, Frontend.networks(values.getOrDefault("NRE_TRUSTED_PROXIES", "")),
                HostOptions.path(values.get("NRE_TLS_KEYSTORE")),
                env.getOrDefault("NRE_TLS_KEYSTORE_PASSWORD", ""), env.getOrDefault("NRE_MONITORING_TOKEN", ""),
                HostOptions.path(values.get("NRE_PLUGIN_CHECKSUMS")), HostOptions.path(values.get("NRE_PLUGIN_KEYS")),
                mail(values, env, publicUrl, port, serverAddress, values.containsKey("NRE_TLS_KEYSTORE")));
    }

    private static MailSettings mail(Map<String, String> values, Map<String, String> env, java.net.URI publicUrl,
                                     int port, String serverAddress, boolean tls) {
        String host = values.get("NRE_SMTP_HOST");
        if (host == null) {
            for (String other : List.of("NRE_SMTP_PORT", "NRE_SMTP_SECURITY", "NRE_SMTP_USER", "NRE_MAIL_FROM")) {
                if (values.containsKey(other)) {
                    throw new ConfigException(other + " is set but NRE_SMTP_HOST (--smtp-host) is not: give the mail "
                            + "server's host, or unset " + other);
                }
            }
            return null;
        }
        MailSettings.Security security = switch (values.getOrDefault("NRE_SMTP_SECURITY", "starttls")
                .toLowerCase(Locale.ROOT)) {
            case "starttls" -> MailSettings.Security.STARTTLS;
            case "tls" -> MailSettings.Security.TLS;
            case "none" -> MailSettings.Security.NONE;
            default -> throw new ConfigException("NRE_SMTP_SECURITY (--smtp-security) must be starttls, tls or none; "
                    + "got '" + values.get("NRE_SMTP_SECURITY") + "'");
        };
        int defaultPort = switch (security) {
            case STARTTLS -> 587;
            case TLS -> 465;
            case NONE -> 25;
        };
        String smtpPort = values.getOrDefault("NRE_SMTP_PORT", String.valueOf(defaultPort));
        int number;
        try {
            number = Integer.parseInt(smtpPort);
        } catch (NumberFormatException e) {
            throw new ConfigException("NRE_SMTP_PORT (--smtp-port) '" + smtpPort + "' is not a number: use 1 to 65535");
        }
        String from = values.get("NRE_MAIL_FROM");
        if (from == null) {
            throw new ConfigException("NRE_SMTP_HOST is set but NRE_MAIL_FROM (--mail-from) is not: give the address "
                    + "the console's e-mails come from, such as console@district.example");
        }
        String password = env.getOrDefault("NRE_SMTP_PASSWORD", "");
        String user = values.getOrDefault("NRE_SMTP_USER", "");
        if (!password.isEmpty() && user.isEmpty()) {
            throw new ConfigException("NRE_SMTP_PASSWORD is set but NRE_SMTP_USER (--smtp-user) is not: give the user "
                    + "the password is for");
        }
        // Links in e-mails must reach the console from a reader's desk: its public URL, else its own address.
        if (publicUrl == null && port == 0) {
            throw new ConfigException("Notices' e-mails link to the console, whose port is picked at start (--port 0):"
                    + " give the address people reach it at with --public-url (NRE_PUBLIC_URL)");
        }
        java.net.URI address = publicUrl != null ? publicUrl : java.net.URI.create((tls ? "https://" : "http://")
                + (serverAddress.contains(":") ? "[" + serverAddress + "]" : serverAddress)
                + (port == 0 ? "" : ":" + port));
        return new MailSettings(host, number, security, user, password, from, address);
    }

    private static String checkDatabaseUrl(String url) {
        if (url.toLowerCase(Locale.ROOT).contains("password=")) {
            throw new ConfigException("The database URL holds a password, which would end up in logs: "
                    + "remove it from the URL and set NRE_DB_PASSWORD instead");
        }
        if (!url.startsWith(H2_PREFIX) && !url.startsWith(MARIADB_PREFIX) && !url.startsWith(POSTGRESQL_PREFIX)) {
            throw new ConfigException("Database URL '" + url + "' is not supported: use "
                    + "jdbc:mariadb://host:3306/database, jdbc:postgresql://host:5432/database or jdbc:h2:...");
        }
        return url;
    }

    /**
     * The embedded database's URL for a data folder: H2 in MariaDB mode, in one file.
     *
     * @param dataDir the data folder
     * @return the JDBC URL
     */
    public static String embeddedUrl(Path dataDir) {
        return "jdbc:h2:file:" + dataDir.resolve("console").toAbsolutePath()
                + ";MODE=MariaDB;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH";
    }

    /**
     * Whether the database is the embedded one.
     *
     * @return true for an H2 URL
     */
    public boolean embeddedDatabase() {
        return databaseUrl.startsWith(H2_PREFIX);
    }

    /**
     * The database product, as the URL names it.
     *
     * @return H2 for the embedded database, else MariaDB or PostgreSQL
     */
    public DatabaseProduct databaseProduct() {
        return embeddedDatabase() ? DatabaseProduct.H2
                : databaseUrl.startsWith(POSTGRESQL_PREFIX) ? DatabaseProduct.POSTGRESQL : DatabaseProduct.MARIADB;
    }

    /** The configuration without its secrets, for logs. */
    @Override
    public String toString() {
        return "HostConfig[port=" + port + ", bind=" + bindAddress + ", plugins=" + pluginsDir + ", data=" + dataDir
                + ", database=" + databaseUrl + ", user=" + databaseUser + ", applicationName=" + applicationName
                + ", serverAddress=" + serverAddress + ", timeZone=" + timeZone + ", demoData=" + demoData
                + (developmentPlugins.isEmpty() ? "" : ", developmentPlugins=" + developmentPlugins)
                + (publicUrl == null ? "" : ", publicUrl=" + publicUrl)
                + (trustedProxies.isEmpty() ? "" : ", trustedProxies=" + trustedProxies.size())
                + (tlsKeystore == null ? "" : ", tlsKeystore=" + tlsKeystore)
                + (mail == null ? "" : ", mail=" + mail) + "]";
    }
}
