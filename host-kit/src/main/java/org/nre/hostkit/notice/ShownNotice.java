package org.nre.hostkit.notice;

import java.time.Duration;
import java.time.Instant;
import org.nre.hostapi.notice.Severity;

/**
 * An open notice as the console shows it.
 *
 * @param id the notice's id, for dismissing it
 * @param pluginId the plugin that raised it
 * @param key the plugin's name for it
 * @param severity how loudly to show it
 * @param title one line, plain text: escape it
 * @param text plain text: escape it
 * @param deadline by when its audience must act, or null
 * @param panelId the plugin's panel it links to, or null
 * @param openedAt when it opened
 * @param updatedAt when its words, severity, deadline or link last changed (its opening at first)
 */
public record ShownNotice(long id, String pluginId, String key, Severity severity, String title, String text,
                          Instant deadline, String panelId, Instant openedAt, Instant updatedAt) {

    /** Whether it has a deadline that falls within the time from now (or has passed). */
    public boolean dueWithin(Duration time, Instant now) {
        return deadline != null && !deadline.isAfter(now.plus(time));
    }

    /** Whether a user may hide it: a critical notice stays until its plugin clears it. */
    public boolean dismissible() {
        return severity != Severity.CRITICAL;
    }
}
