package org.nre.hostkit.notice;

import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;
import java.net.URI;
import java.util.Locale;
import org.nre.hostkit.ConfigException;

/**
 * How the console sends the notices' e-mails: its SMTP server, who the mail comes from, and the console's own
 * address for the link in each mail. The password is never shown, logged or stored with a failure.
 *
 * @param host the SMTP server's name
 * @param port its port: usually 587 with STARTTLS, 465 with TLS, 25 with none
 * @param security how the connection is protected
 * @param username who to sign in as, or null to send without signing in
 * @param password the password, or null when there is no username
 * @param from the sender's address, such as {@code Console <console@district.example>}
 * @param consoleAddress the address people reach the console at, such as {@code https://console.district.example}
 */
public record MailSettings(String host, int port, Security security, String username, String password, String from,
                           URI consoleAddress) {

    /** How the connection to the SMTP server is protected. */
    public enum Security {
        /** Plain SMTP: only for a relay on the same host or network. */
        NONE,
        /** Plain at first, then TLS before anything is sent; refused when the server does not offer it. */
        STARTTLS,
        /** TLS from the start (SMTPS). */
        TLS
    }

    /** Checks the values; a wrong one names the setting and what it takes. */
    public MailSettings {
        if (host == null || host.isBlank() || host.strip().contains(" ")) {
            throw new ConfigException("Mail: the SMTP host must be a host name, such as smtp.district.example");
        }
        host = host.strip();
        if (port < 1 || port > 65_535) {
            throw new ConfigException("Mail: the SMTP port must be between 1 and 65535; got " + port);
        }
        if (security == null) {
            throw new ConfigException("Mail: say how the connection is protected: NONE, STARTTLS or TLS");
        }
        username = username == null || username.isBlank() ? null : username.strip();
        password = username == null || password == null || password.isEmpty() ? null : password;
        if (username != null && password == null) {
            throw new ConfigException("Mail: the SMTP user '" + username + "' needs a password");
        }
        if (from == null || from.isBlank()) {
            throw new ConfigException("Mail: the sender's address (from) is missing");
        }
        try {
            new InternetAddress(from.strip(), true);
        } catch (AddressException e) {
            throw new ConfigException("Mail: the sender's address '" + from.strip() + "' is not an e-mail address ("
                    + e.getMessage() + ")");
        }
        from = from.strip();
        if (consoleAddress == null || !consoleAddress.isAbsolute() || consoleAddress.getHost() == null
                || !("https".equals(scheme(consoleAddress)) || "http".equals(scheme(consoleAddress)))) {
            throw new ConfigException("Mail: the console's address must be an http or https address people can "
                    + "open, such as https://console.district.example; got " + consoleAddress);
        }
    }

    /** The page of the console that lists a user's notices, for the link in each mail. */
    public URI noticesPage() {
        String base = consoleAddress.toString();
        return URI.create((base.endsWith("/") ? base.substring(0, base.length() - 1) : base) + "/notices");
    }

    /** Where mail goes and how, for administrators and logs: never the password. */
    public String describe() {
        return host + ":" + port + " (" + security + (username == null ? ", no sign-in" : ", as " + username)
                + "), from " + from;
    }

    @Override
    public String toString() {
        return "MailSettings[" + describe() + ", console " + consoleAddress + "]";
    }

    private static String scheme(URI uri) {
        return uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
    }
}
