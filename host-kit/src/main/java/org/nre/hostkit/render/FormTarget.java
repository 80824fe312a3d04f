package org.nre.hostkit.render;

import java.util.Map;

/**
 * What a rendered panel needs from the console beyond the plugin's view: where its forms post and what they carry
 * besides the user's input (the console's own routes and its CSRF token, which the kit does not know), and whom a
 * user who may only read is told to ask for more.
 *
 * @param actionPathPrefix the path an action's name is appended to, such as {@code /panels/nre/actions/}
 * @param hiddenFields fields every form carries, such as {@code _csrf} with the session's token
 * @param whomToAsk the sentence that names whom to ask for a higher level, such as "Ask a console administrator
 *     (Ada Admin)."; shown after the line that says what a reader may do
 */
public record FormTarget(String actionPathPrefix, Map<String, String> hiddenFields, String whomToAsk) {

    /** Said when the console names no one. */
    public static final String ASK_AN_ADMINISTRATOR = "Ask a console administrator if you need more.";

    public FormTarget {
        hiddenFields = Map.copyOf(hiddenFields);
        whomToAsk = whomToAsk == null || whomToAsk.isBlank() ? ASK_AN_ADMINISTRATOR : whomToAsk.strip();
    }

    /** A target that tells readers to ask a console administrator, naming no one. */
    public FormTarget(String actionPathPrefix, Map<String, String> hiddenFields) {
        this(actionPathPrefix, hiddenFields, ASK_AN_ADMINISTRATOR);
    }

    /** The path an action posts to. */
    public String actionPath(String action) {
        return actionPathPrefix + action;
    }
}
