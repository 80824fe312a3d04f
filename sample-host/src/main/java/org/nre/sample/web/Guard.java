package org.nre.sample.web;

import io.javalin.http.Context;
import io.javalin.http.HandlerType;
import io.javalin.security.RouteRole;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Optional;
import java.util.Set;
import org.nre.sample.Frontend;
import org.nre.sample.auth.Accounts;
import org.nre.sample.auth.Session;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Checks every matched request before its handler runs: the route must name its {@link Access}; the
 * viewer must be signed in and allowed; a change must come by POST from this console's own pages (Origin)
 * and carry the session's CSRF token.
 */
final class Guard {

    static final String SESSION_COOKIE = "nre_session";
    static final String CSRF_FIELD = "_csrf";
    static final String CSRF_HEADER = "X-CSRF-Token";
    private static final String VIEWER = "nre.viewer";
    private static final Logger LOG = LoggerFactory.getLogger(Guard.class);

    /** Why a request was refused. */
    static final class Refusal extends RuntimeException {
        private static final long serialVersionUID = 1L;
        final int status;

        Refusal(int status, String message) {
            super(message, null, false, false);
            this.status = status;
        }
    }

    private final Accounts accounts;
    private final Frontend frontend;
    private final String monitoringToken;

    Guard(Accounts accounts, Frontend frontend, String monitoringToken) {
        this.accounts = accounts;
        this.frontend = frontend;
        this.monitoringToken = monitoringToken;
    }

    /**
     * Before anything else: who the client is (behind trusted proxies, from their headers), HSTS over https, and
     * a refusal for a Host that is not the console's own, which defeats DNS rebinding against the console (an
     * attacker's name resolving to it). {@code /healthz} answers whatever the Host, for load balancers.
     */
    void front(Context ctx) {
        Client client = Client.of(ctx, frontend);
        if (secure(ctx)) {
            ctx.header("Strict-Transport-Security", "max-age=31536000");
        }
        if (!monitored(ctx.path()) && !ownHost(client.hostName())) {
            throw new Refusal(421, "This console does not answer for the host '" + client.hostName() + "'. Use its "
                    + "own address" + frontend.publicUrl().map(u -> ", " + u).orElse("") + ".");
        }
    }

    /** A monitor may reach health and metrics by any name; the metrics need its token all the same. */
    private static boolean monitored(String path) {
        return path.equals("/healthz") || path.equals("/metrics");
    }

    /** Whether the request carries the monitoring token as {@code Authorization: Bearer} (none is configured: no). */
    boolean monitor(Context ctx) {
        String authorization = ctx.header("Authorization");
        return !monitoringToken.isEmpty() && authorization != null
                && authorization.regionMatches(true, 0, "Bearer ", 0, 7)
                && MessageDigest.isEqual(authorization.substring(7).strip().getBytes(StandardCharsets.UTF_8),
                        monitoringToken.getBytes(StandardCharsets.UTF_8));
    }

    /** Whether the session cookie is Secure and HSTS is sent: the console is reached over https. */
    boolean secure(Context ctx) {
        return frontend.https() || "https".equals(Client.of(ctx, frontend).scheme());
    }

    /** IP literals cannot be rebound; names must be the console's own. */
    private boolean ownHost(String host) {
        if (host.isEmpty()) {
            return false;
        }
        if (host.matches("[0-9.]+") || host.contains(":") || host.equals("localhost")) {
            return true;
        }
        return host.equalsIgnoreCase(frontend.serverAddress())
                || frontend.publicUrl().map(u -> u.getHost().equalsIgnoreCase(host)).orElse(false);
    }

    void check(Context ctx) {
        Set<RouteRole> roles = ctx.routeRoles();
        if (roles.isEmpty()) {
            LOG.error("Route {} {} names no access rule and is refused", ctx.method(), ctx.endpoint().path);
            throw new Refusal(403, "This address is not open to anyone.");
        }
        Access access = (Access) roles.iterator().next();
        boolean change = ctx.method() != HandlerType.GET && ctx.method() != HandlerType.HEAD;
        if (change) {
            checkOrigin(ctx);
        }
        if (access == Access.PUBLIC || access == Access.SIGN_IN) {
            checkJson(ctx, change);
            return;
        }
        if (access == Access.MONITOR && monitor(ctx)) {
            return;
        }
        Viewer viewer = resolve(ctx);
        if (viewer == null) {
            if (!change && !Routes.isApi(ctx)) {
                ctx.redirect("/signin"); // in a before-handler, a redirect skips the route's handler
                return;
            }
            if (access == Access.MONITOR) {
                ctx.header("WWW-Authenticate", "Bearer realm=\"console\"");
                throw new Refusal(401, "Send the monitoring token as Authorization: Bearer, or sign in as a console "
                        + "administrator.");
            }
            throw new Refusal(401, "Sign in first.");
        }
        if (change) {
            checkCsrf(ctx, viewer.session());
        }
        if (viewer.account().mustChangePassword() && access != Access.PASSWORD_CHANGE) {
            if (!change && !Routes.isApi(ctx)) {
                ctx.redirect("/account/password");
                return;
            }
            throw new Refusal(403, "Choose a new password first: the one you signed in with was for one use only.");
        }
        if ((access == Access.ADMINISTRATOR || access == Access.MONITOR) && !viewer.administrator()) {
            throw new Refusal(403, "Only a console administrator may use this page.");
        }
        checkJson(ctx, change);
    }

    /** A change through the JSON API says its body is JSON: a form or text body is not read as JSON. */
    private static void checkJson(Context ctx, boolean change) {
        if (change && Routes.isApi(ctx) && !json(ctx)) {
            throw new Refusal(415, "Send the body as JSON, with the header Content-Type: application/json.");
        }
    }

    /** The signed-in viewer, looked up once per request. */
    Viewer resolve(Context ctx) {
        Object cached = ctx.attribute(VIEWER);
        if (cached instanceof Viewer viewer) {
            return viewer;
        }
        if (cached != null) {
            return null;
        }
        Viewer viewer = lookup(ctx).orElse(null);
        ctx.attribute(VIEWER, viewer == null ? Boolean.FALSE : viewer);
        return viewer;
    }

    /**
     * Ends the session the client brought to a sign-in, whoever it belonged to: every sign-in starts a new one,
     * so a session planted before sign-in (session fixation) is never the one signed in.
     */
    void endBroughtSession(Context ctx) {
        Viewer previous = resolve(ctx);
        if (previous != null) {
            accounts.sessions().close(previous.session().tokenHash());
        }
    }

    /** The viewer a guarded handler runs for; null only on public routes. */
    static Viewer viewer(Context ctx) {
        Object cached = ctx.attribute(VIEWER);
        return cached instanceof Viewer viewer ? viewer : null;
    }

    private Optional<Viewer> lookup(Context ctx) {
        String token = ctx.cookie(SESSION_COOKIE);
        if (token == null) {
            return Optional.empty();
        }
        return accounts.sessions().find(token).map(signed -> new Viewer(signed.session(), signed.account(),
                accounts.acting(signed.account(), Client.of(ctx).address(), signed.rightsGeneration())));
    }

    private static void checkCsrf(Context ctx, Session session) {
        String sent = ctx.header(CSRF_HEADER);
        if (sent == null && isForm(ctx)) {
            sent = ctx.formParam(CSRF_FIELD);
        }
        if (sent == null || !MessageDigest.isEqual(sent.getBytes(StandardCharsets.UTF_8),
                session.csrfToken().getBytes(StandardCharsets.UTF_8))) {
            throw new Refusal(403, "The form was stale or did not come from this console (missing or wrong CSRF "
                    + "token). Reload the page and try again.");
        }
    }

    private static boolean json(Context ctx) {
        String type = ctx.contentType();
        if (type == null) {
            return false;
        }
        String media = type.split(";", 2)[0].strip().toLowerCase(java.util.Locale.ROOT);
        return media.equals("application/json") || media.startsWith("application/") && media.endsWith("+json");
    }

    private static boolean isForm(Context ctx) {
        String type = ctx.contentType();
        return type != null && (type.startsWith("application/x-www-form-urlencoded")
                || type.startsWith("multipart/form-data"));
    }

    /**
     * A browser names the page a change came from; it must be the console's own: its public URL, or the origin the
     * client reached it at (whose host {@link #front} has checked).
     */
    private void checkOrigin(Context ctx) {
        String origin = ctx.header("Origin");
        if (origin == null) {
            String referer = ctx.header("Referer");
            if (referer == null) {
                return; // not a browser form post; the CSRF token still guards sessions
            }
            origin = originOf(referer);
        }
        String claimed = origin;
        String own = Client.of(ctx, frontend).origin();
        boolean allowed = claimed != null && (claimed.equalsIgnoreCase(own)
                || frontend.publicUrl().map(u -> u.toString().equalsIgnoreCase(claimed)).orElse(false));
        if (!allowed) {
            throw new Refusal(403, "This change came from another site (Origin " + claimed + ") and was refused.");
        }
    }

    private static String originOf(String url) {
        try {
            URI uri = URI.create(url);
            if (uri.getScheme() == null || uri.getHost() == null) {
                return null;
            }
            return uri.getScheme() + "://" + uri.getHost() + (uri.getPort() < 0 ? "" : ":" + uri.getPort());
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}
