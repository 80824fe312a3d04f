package org.nre.hostkit.render;

import java.util.Map;

/**
 * Where the forms of a rendered panel post, and what they carry besides the user's input: the console's own
 * routes and its CSRF token, which the kit does not know.
 *
 * @param actionPathPrefix the path an action's name is appended to, such as {@code /panels/nre/actions/}
 * @param hiddenFields fields every form carries, such as {@code _csrf} with the session's token
 */
public record FormTarget(String actionPathPrefix, Map<String, String> hiddenFields) {

    public FormTarget {
        hiddenFields = Map.copyOf(hiddenFields);
    }

    /** The path an action posts to. */
    public String actionPath(String action) {
        return actionPathPrefix + action;
    }
}
