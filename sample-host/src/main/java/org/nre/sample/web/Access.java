package org.nre.sample.web;

import io.javalin.security.RouteRole;

/** Who may use a route. Every route names one; a route without one is refused (deny by default). */
public enum Access implements RouteRole {
    /** Anyone, for reading only: health, assets, the sign-in page. */
    PUBLIC,
    /** Anyone may post, with the origin checked but no session: the sign-in form. */
    SIGN_IN,
    /** A signed-in user who has not yet chosen a new password may use it: the password page, sign-out. */
    PASSWORD_CHANGE,
    /** A signed-in user; panels check their own rights on top. */
    SIGNED_IN,
    /**
     * A monitor that sends the monitoring token as {@code Authorization: Bearer}, or a signed-in console
     * administrator: the metrics.
     */
    MONITOR,
    /** A console administrator. */
    ADMINISTRATOR
}
