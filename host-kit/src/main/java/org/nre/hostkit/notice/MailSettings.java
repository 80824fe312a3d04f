package org.nre.hostkit.notice;

import java.net.URI;
import java.util.Objects;
import org.nre.hostkit.ConfigException;

/**
 * How the console sends its notices by e-mail.
 *
 * @param host the SMTP server's host name
 * @param port its port
 * @param security how the connection is protected
 * @param username the user to authenticate as, or empty for none
 * @param password that user's password, or empty; never shown
 * @param from the sender's address
 * @param consoleAddress the console's address as people reach it, for the links in the e-mails
 */
public record MailSettings(String host, int port, Security security, String username, String password, String from,
                           URI consoleAddress) {

    /** How the connection to the SMTP server is protected. */
    public enum Security {
        /** Plain SMTP: only for a relay on the same machine or network. */
        NONE,
        /** SMTP upgraded to TLS by STARTTLS (port 587, usually); refused when the server does not offer it. */
        STARTTLS,
        /** SMTP over TLS from the first byte (port 465, usually). */
        TLS
    }

    /** Checks the fields. */
    public MailSettings {
        if (host == null || host.isBlank()) {
            throw new ConfigException("The SMTP host is empty: give the mail server's host name");
        }
        if (port < 1 || port > 65535) {
            throw new ConfigException("SMTP port " + port + " is out of range: use 1 to 65535 (587 for STARTTLS, "
                    + "465 for TLS, 25 for a local relay)");
        }
        Objects.requireNonNull(security, "security");
        username = username == null ? "" : username;
        password = password == null ? "" : password;
        if (from == null || !from.matches("[^@\\s<>]+@[^@\\s<>]+")) {
            throw new ConfigException("The sender address '" + from + "' is not an e-mail address: give one such as "
                    + "console@district.example");
        }
        Objects.requireNonNull(consoleAddress, "consoleAddress");
    }

    /** The settings without the password, for logs. */
    @Override
    public String toString() {
        return "MailSettings[host=" + host + ", port=" + port + ", security=" + security
                + (username.isEmpty() ? "" : ", username=" + username) + ", from=" + from + ", consoleAddress="
                + consoleAddress + "]";
    }
}
