package org.nre.sample;

import java.nio.file.Path;
import java.time.DateTimeException;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.nre.hostkit.ConfigException;

/**
 * The console's options: each has a flag, an environment variable and a line of help. A flag wins over its
 * variable; secrets have a variable only, so that they never show in a process list.
 */
final class HostOptions {

    private HostOptions() {
    }

    /** One setting: its flag, its environment variable, and what it does. */
    record Option(String flag, String env, String help) {
    }

    static final List<Option> OPTIONS = List.of(
            new Option("--port", "NRE_PORT", "HTTP port (default 8080; 0 picks a free port)"),
            new Option("--bind", "NRE_BIND", "address to listen on (default 127.0.0.1; 0.0.0.0 for all)"),
            new Option("--plugins", "NRE_PLUGINS_DIR", "plugin drop folder (default plugins)"),
            new Option("--data", "NRE_DATA_DIR", "folder for the embedded database and the secrets key (default data)"),
            new Option("--db-url", "NRE_DB_URL",
                    "jdbc:mariadb://host:3306/db, jdbc:postgresql://host:5432/db or jdbc:h2:... (default: embedded "
                            + "H2 file under the data folder)"),
            new Option("--db-user", "NRE_DB_USER",
                    "database user (default sa for H2; required for MariaDB and PostgreSQL)"),
            new Option(null, "NRE_DB_PASSWORD", "database password (environment only, never in the URL)"),
            new Option("--application-name", "NRE_APPLICATION_NAME",
                    "the name this installation is known by (default nre-sample)"),
            new Option("--server-address", "NRE_SERVER_ADDRESS",
                    "the address other systems reach this console at (default: the bind address)"),
            new Option("--time-zone", "NRE_TIME_ZONE", "time zone for times on pages (default: the system's)"),
            new Option(null, "NRE_ADMIN_PASSWORD",
                    "first administrator's password (environment only; default: print a one-time password)"),
            new Option("--demo-data", "NRE_DEMO_DATA",
                    "seed a demo district on first start: true or false (default true for the embedded database)"),
            new Option(null, "NRE_DEMO_PASSWORD",
                    "the demo users' password (environment only; default: print a generated one at first start)"),
            new Option("--dev-plugins", "NRE_DEV_PLUGINS",
                    "development mode: plugin module folders, comma-separated, loaded from their build output"),
            new Option("--plugin-settings", "NRE_PLUGIN_SETTINGS",
                    "a properties file of plugin settings (<plugin>.<name>=...) and secrets (<plugin>.secret.<name>=...)"),
            new Option("--public-url", "NRE_PUBLIC_URL",
                    "the console's address as people reach it, such as https://console.district.example (behind a "
                            + "TLS-terminating proxy: Secure cookies, HSTS, and the Origin changes must come from)"),
            new Option("--trusted-proxies", "NRE_TRUSTED_PROXIES",
                    "IP addresses and networks (CIDR) of the proxies whose Forwarded / X-Forwarded-* headers are "
                            + "believed, comma-separated (default: none)"),
            new Option("--tls-keystore", "NRE_TLS_KEYSTORE",
                    "serve HTTPS itself with the key and certificate in this PKCS#12 keystore"),
            new Option(null, "NRE_TLS_KEYSTORE_PASSWORD", "the TLS keystore's password (environment only)"),
            new Option(null, "NRE_MONITORING_TOKEN",
                    "a token (at least 24 characters) that shows /healthz's details to a monitor (environment only)"),
            new Option("--smtp-host", "NRE_SMTP_HOST",
                    "the mail server notices are e-mailed through (default: none, notices are not e-mailed)"),
            new Option("--smtp-port", "NRE_SMTP_PORT", "its port (default 587 for starttls, 465 for tls, 25 for none)"),
            new Option("--smtp-security", "NRE_SMTP_SECURITY",
                    "starttls (default), tls, or none (plain SMTP, for a relay on the same machine or network)"),
            new Option("--smtp-user", "NRE_SMTP_USER", "the user to sign in to the mail server as (default: none)"),
            new Option(null, "NRE_SMTP_PASSWORD", "that user's password (environment only)"),
            new Option("--mail-from", "NRE_MAIL_FROM",
                    "the sender of the console's e-mails, such as console@district.example (required with a host)"),
            new Option("--plugin-checksums", "NRE_PLUGIN_CHECKSUMS",
                    "a file of SHA-256 checksums (as sha256sum prints them): only zips listed, or signed, are loaded"),
            new Option("--plugin-keys", "NRE_PLUGIN_KEYS",
                    "a file of Ed25519 public keys (PEM): a zip with a signature by one beside it (its name plus .sig) "
                            + "is loaded"));

    /**
     * What {@code --help} prints.
     *
     * @return the usage text
     */
    static String usage() {
        StringBuilder text = new StringBuilder("Usage: java -jar sample-host.jar [options]\n\n");
        for (Option option : OPTIONS) {
            String flag = option.flag() == null ? "" : option.flag() + " <value>";
            text.append(String.format(Locale.ROOT, "  %-28s %-22s %s%n", flag, option.env(), option.help()));
        }
        return text.toString();
    }

    /**
     * Options of console 0.1 that configured one plugin: they are that plugin's settings now, and a console
     * started with one says so rather than running with it ignored.
     */
    static final List<Option> WITHDRAWN = List.of(new Option("--router", "NRE_ROUTER", ""),
            new Option("--router-port", "NRE_ROUTER_PORT", ""), new Option("--router-key", "NRE_ROUTER_KEY", ""),
            new Option(null, "NRE_ROUTER_SECRET", ""));

    /** The options' values by environment variable name: each variable's value, unless its flag gives another. */
    static Map<String, String> values(String[] args, Map<String, String> env) {
        refuseWithdrawn(args, env);
        Map<String, String> values = new LinkedHashMap<>();
        for (Option option : OPTIONS) {
            String value = env.get(option.env());
            if (value != null && !value.isBlank()) {
                values.put(option.env(), value.strip());
            }
        }
        values.putAll(parseFlags(args));
        return values;
    }

    private static void refuseWithdrawn(String[] args, Map<String, String> env) {
        for (Option option : WITHDRAWN) {
            boolean given = env.containsKey(option.env()) || (option.flag() != null && java.util.Arrays.stream(args)
                    .anyMatch(arg -> arg.equals(option.flag()) || arg.startsWith(option.flag() + "=")));
            if (given) {
                throw new ConfigException((option.flag() != null ? "Option '" + option.flag() + "' ("
                        + option.env() + ")" : "Variable " + option.env()) + " was withdrawn: what it set is a "
                        + "plugin's setting now. Set it in the plugin's settings panel, or in a --plugin-settings "
                        + "file as <plugin>.<name>=... (secrets as <plugin>.secret.<name>=...); "
                        + "docs/operator-guide.md lists each plugin's settings. Unset " + option.env()
                        + (option.flag() != null ? " and drop " + option.flag() : "") + " to start.");
            }
        }
    }

    private static Map<String, String> parseFlags(String[] args) {
        Map<String, String> values = new LinkedHashMap<>();
        List<String> known = new ArrayList<>();
        for (int i = 0; i < args.length; i++) {
            String arg = args[i];
            String name = arg;
            String value = null;
            int equals = arg.indexOf('=');
            if (equals > 0) {
                name = arg.substring(0, equals);
                value = arg.substring(equals + 1);
            }
            Optional<Option> option = flag(name);
            if (option.isEmpty()) {
                OPTIONS.stream().map(Option::flag).filter(f -> f != null).forEach(known::add);
                throw new ConfigException("Unknown option '" + arg + "'; known options: " + String.join(", ", known)
                        + " (--help lists them with their environment variables)");
            }
            if (value == null) {
                if (i + 1 >= args.length) {
                    throw new ConfigException("Option '" + name + "' needs a value");
                }
                value = args[++i];
            }
            values.put(option.get().env(), value.strip());
        }
        return values;
    }

    private static Optional<Option> flag(String name) {
        return OPTIONS.stream().filter(o -> name.equals(o.flag())).findFirst();
    }

    static List<Path> paths(String text) {
        List<Path> paths = new ArrayList<>();
        for (String part : text.split(",")) {
            if (!part.isBlank()) {
                paths.add(Path.of(part.strip()).toAbsolutePath().normalize());
            }
        }
        return paths;
    }

    static int port(String text) {
        try {
            return Integer.parseInt(text);
        } catch (NumberFormatException e) {
            throw new ConfigException("Port '" + text + "' is not a number: use 1 to 65535, or 0 for any free port");
        }
    }

    static ZoneId zone(String text) {
        if (text == null) {
            return ZoneId.systemDefault();
        }
        try {
            return ZoneId.of(text);
        } catch (DateTimeException e) {
            throw new ConfigException("Time zone '" + text + "' is unknown: use a region such as America/Chicago");
        }
    }

    static boolean bool(String flag, String text) {
        return switch (text.toLowerCase(Locale.ROOT)) {
            case "true", "yes", "1" -> true;
            case "false", "no", "0" -> false;
            default -> throw new ConfigException("Option '" + flag + "' must be true or false; got '" + text + "'");
        };
    }

    /** A file or folder option as an absolute path, or null when it is not set. */
    static Path path(String value) {
        return value == null || value.isBlank() ? null : Path.of(value).toAbsolutePath().normalize();
    }
}
