package org.nre.hostapi.notice;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import org.nre.hostapi.Fields;
import org.nre.hostapi.HostApiException;

/**
 * A console-wide notice. The plugin names it by a key of its own: raising a notice whose key is open updates its
 * words, severity and deadline and leaves it open (its audience is told once); clearing it closes it, and raising
 * the key again after that is a new notice, told again.
 *
 * @param key the plugin's name for the notice, an identifier such as {@code terms.2027-01} (at most 64 characters)
 * @param audience who should see it
 * @param severity how loudly to show it
 * @param title one line, at most 200 characters, plain text
 * @param text what happened and what to do, at most 2000 characters, plain text (consoles escape it)
 * @param deadline by when the audience must act, or null
 * @param panelId the plugin's panel the notice links to, or null for none
 */
public record Notice(String key, Audience audience, Severity severity, String title, String text, Instant deadline,
                     String panelId) {

    /** The longest title a console shows. */
    public static final int MAX_TITLE_LENGTH = 200;

    /** The longest text a console shows. */
    public static final int MAX_TEXT_LENGTH = 2000;

    /** Checks the fields. */
    public Notice {
        Fields.requireId(key, "key");
        Objects.requireNonNull(audience, "audience");
        Objects.requireNonNull(severity, "severity");
        Fields.requireText(title, "title");
        text = Fields.orEmpty(text);
        if (title.length() > MAX_TITLE_LENGTH || title.contains("\n")) {
            throw new HostApiException("Notice '" + key + "': its title must be one line of at most "
                    + MAX_TITLE_LENGTH + " characters");
        }
        if (text.length() > MAX_TEXT_LENGTH) {
            throw new HostApiException("Notice '" + key + "': its text must be at most " + MAX_TEXT_LENGTH
                    + " characters");
        }
        if (panelId != null) {
            Fields.requireId(panelId, "panelId");
        }
    }

    /**
     * A notice with no deadline and no link.
     *
     * @param key the plugin's name for it
     * @param audience who should see it
     * @param severity how loudly
     * @param title one line
     * @param text what happened and what to do
     * @return the notice
     */
    public static Notice of(String key, Audience audience, Severity severity, String title, String text) {
        return new Notice(key, audience, severity, title, text, null, null);
    }

    /**
     * The same notice with a deadline.
     *
     * @param by when the audience must act
     * @return a copy
     */
    public Notice withDeadline(Instant by) {
        return new Notice(key, audience, severity, title, text, Objects.requireNonNull(by, "by"), panelId);
    }

    /**
     * The same notice linking to one of the plugin's panels.
     *
     * @param panel the panel's id
     * @return a copy
     */
    public Notice linkingTo(String panel) {
        return new Notice(key, audience, severity, title, text, deadline, Objects.requireNonNull(panel, "panel"));
    }

    /**
     * The deadline, when there is one.
     *
     * @return by when the audience must act
     */
    public Optional<Instant> deadlineIfAny() {
        return Optional.ofNullable(deadline);
    }

    /**
     * The linked panel, when there is one.
     *
     * @return the panel's id
     */
    public Optional<String> panelIfAny() {
        return Optional.ofNullable(panelId);
    }
}
