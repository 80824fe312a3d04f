package org.nre.sample.web;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.Javalin;
import io.javalin.http.Context;
import io.javalin.http.HttpResponseException;
import io.javalin.http.staticfiles.Location;
import io.javalin.json.JavalinJackson;
import jakarta.servlet.DispatcherType;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicBoolean;
import org.eclipse.jetty.ee10.servlet.FilterHolder;
import org.eclipse.jetty.server.Connector;
import org.eclipse.jetty.server.HttpConfiguration;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.eclipse.jetty.server.SecureRequestCustomizer;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.server.SslConnectionFactory;
import org.eclipse.jetty.util.ssl.SslContextFactory;
import org.nre.hostkit.render.JsonMapping;
import org.nre.sample.ConsoleException;
import org.nre.sample.HostConfig;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The console's HTTP server: pages, JSON API, assets, security headers, and error pages without internals. */
public final class WebServer implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(WebServer.class);

    static final String CONTENT_SECURITY_POLICY = "default-src 'self'; script-src 'self'; style-src 'self'; "
            + "img-src 'self' data:; connect-src 'self'; form-action 'self'; frame-ancestors 'none'; "
            + "base-uri 'none'; object-src 'none'";
    static final long MAX_REQUEST_BYTES = 64 * 1024;

    static final String STARTING = "The console is starting. Try again in a moment.";

    /** Jetty reads it to space its atomic counters a cache line apart. */
    static final String JETTY_REFERENCES_PER_CACHE_LINE = "org.eclipse.jetty.util.referencesPerCacheLine";

    private final Javalin app;
    private final List<Routes.Route> routes;
    private final AtomicBoolean serving;

    private WebServer(Javalin app, List<Routes.Route> routes, AtomicBoolean serving) {
        this.app = app;
        this.routes = routes;
        this.serving = serving;
    }

    /**
     * Settles, before the first Jetty server of the process is built, what Jetty would otherwise ask the platform
     * MBean server: starting JMX for it loads some 250 classes (4 to 6% of the console's start, measured). The
     * value is Jetty's own answer when it cannot ask (a line holds 16 references of 4 bytes), which spaces its
     * counters at least a line apart with references of either size. A value the operator set with {@code -D} is
     * kept.
     */
    public static void settleJettyDefaults() {
        if (System.getProperty(JETTY_REFERENCES_PER_CACHE_LINE) == null) {
            int lineBytes = Integer.getInteger("org.eclipse.jetty.util.cacheLineBytes", 64);
            System.setProperty(JETTY_REFERENCES_PER_CACHE_LINE, String.valueOf(Math.max(1, lineBytes / 4)));
        }
    }

    /** The console's JSON mapping. */
    public static ObjectMapper json() {
        return JsonMapping.mapper();
    }

    /** Builds the server; {@link #listen} opens its port and {@link #serve} lets requests through. */
    public static WebServer create(Services services) {
        ObjectMapper json = JsonMapping.mapper();
        Pages pages = new Pages(services);
        Guard guard = new Guard(services.accounts(), services.config().frontend(), services.config().monitoringToken());
        HttpMetrics httpMetrics = new HttpMetrics(services.kit().metrics().registry());
        Refusals refusals = new Refusals(services.audit(), guard, java.time.Clock.systemUTC());
        Routes[] declared = new Routes[1];
        AtomicBoolean serving = new AtomicBoolean();
        Javalin app = Javalin.create(config -> {
            config.startup.showJavalinBanner = false;
            config.startup.showOldJavalinVersionWarning = false;
            config.jetty.host = services.config().bindAddress();
            config.jetty.port = services.config().port();
            if (services.config().tlsKeystore() != null) {
                config.jetty.addConnector((server, http) -> tlsConnector(server, http, services.config()));
            }
            config.http.maxRequestSize = MAX_REQUEST_BYTES;
            config.jetty.modifyServer(server -> server.setErrorHandler(new SecureErrors()));
            config.jetty.modifyServletContextHandler(handler -> handler.addFilter(new FilterHolder(new PlainMethods()),
                    "/*", EnumSet.of(DispatcherType.REQUEST)));
            config.http.prefer405over404 = true;
            config.jsonMapper(new JavalinJackson(json, false));
            config.staticFiles.add(files -> {
                files.hostedPath = "/assets";
                files.directory = "/assets";
                files.location = Location.CLASSPATH;
                files.headers = java.util.Map.of("Cache-Control", "max-age=3600");
                files.roles = java.util.Set.of(Access.PUBLIC);
            });

            config.routes.before(httpMetrics::before);
            config.routes.before(WebServer::securityHeaders);
            config.routes.before(guard::front);
            config.routes.before(ctx -> {
                if (!serving.get()) {
                    throw new Starting();
                }
            });
            config.routes.beforeMatched(guard::check);
            config.routes.after(refusals::after);
            config.routes.after(httpMetrics::after);

            Routes routes = new Routes(config.routes);
            new ConsoleRoutes(services, pages, guard, services.kit().html()).register(routes);
            new ApiRoutes(services, json, services.kit().json(), guard).register(routes);
            new AdminRoutes(services, pages, json).register(routes);
            declared[0] = routes;

            config.routes.exception(Starting.class, (e, ctx) -> starting(ctx));
            config.routes.exception(Guard.Refusal.class, (e, ctx) -> refusal(ctx, pages, e.status, e.getMessage()));
            config.routes.exception(JsonRequest.Refused.class, (e, ctx) -> Problems.send(ctx, 422, e.getMessage(),
                    java.util.Map.of("errors", e.errors)));
            config.routes.exception(HttpResponseException.class, (e, ctx) -> refusal(ctx, pages, e.getStatus(),
                    switch (e.getStatus()) {
                        case 404 -> "There is nothing at " + ctx.path() + ".";
                        case 405 -> "This address does not take " + ctx.method() + " requests. Changes are made with "
                                + "POST from the console's own forms.";
                        case 413 -> "The request is larger than the console accepts (" + MAX_REQUEST_BYTES / 1024
                                + " KiB).";
                        default -> e.getMessage();
                    }));
            config.routes.exception(org.nre.sample.auth.Hashing.Busy.class, (e, ctx) -> busy(ctx, pages));
            config.routes.exception(Exception.class, (e, ctx) -> failure(ctx, pages, e));
            config.routes.error(404, ctx -> {
                if (ctx.result() == null || ctx.result().isEmpty()) {
                    refusal(ctx, pages, 404, "There is nothing at " + ctx.path() + ".");
                }
            });
            config.routes.error(405, ctx -> refusal(ctx, pages, 405,
                    "This address does not take " + ctx.method() + " requests. Changes are made with POST from the "
                            + "console's own forms."));
        });
        return new WebServer(app, declared[0].declared(), serving);
    }

    /**
     * Listens, answering every request 503 with {@code Retry-After} until {@link #serve}, so that the server can
     * start while the rest of the console does.
     */
    public WebServer listen() {
        try {
            app.start();
        } catch (RuntimeException e) {
            throw new ConsoleException("The console cannot listen on its port: " + rootMessage(e)
                    + ". Is another program using it? Pick another with --port or NRE_PORT.", e);
        }
        return this;
    }

    /** Serves requests from now on. */
    public void serve() {
        serving.set(true);
    }

    /** Thrown before the console is ready, and answered as such. */
    private static final class Starting extends RuntimeException {
        Starting() {
            super(STARTING, null, false, false);
        }
    }

    private static void starting(Context ctx) {
        ctx.header("Retry-After", "1");
        if (ctx.path().equals("/healthz")) {
            ctx.status(503).json(Map.of("status", "STARTING"));
        } else if (Routes.isApi(ctx)) {
            Problems.send(ctx, 503, STARTING);
        } else {
            ctx.status(503).contentType("text/plain; charset=utf-8").result(STARTING);
        }
    }

    private static String rootMessage(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return String.valueOf(root.getMessage());
    }

    /** The port the server listens on (useful when configured with 0). */
    public int port() {
        return app.port();
    }

    /**
     * A route the server serves, and the access rule it names.
     *
     * @param method the HTTP method
     * @param path the path pattern
     * @param access the access rule's name, or NONE when the route names none (and is refused)
     */
    public record Served(String method, String path, String access) {
    }

    /** Every route the HTTP server serves, as Javalin holds them, with the access rule each names. */
    public List<Served> served() {
        return app.unsafe.internalRouter.allHttpHandlers().stream()
                .map(parsed -> parsed.endpoint)
                .filter(endpoint -> endpoint.method.isHttpMethod())
                .map(endpoint -> new Served(endpoint.method.name(), endpoint.path, routes.stream()
                        .filter(r -> r.method().equals(endpoint.method.name()) && r.path().equals(endpoint.path))
                        .map(r -> r.access().name()).findFirst().orElse("NONE")))
                .toList();
    }

    @Override
    public void close() {
        app.stop();
    }

    private static void securityHeaders(Context ctx) {
        ctx.header("Content-Security-Policy", CONTENT_SECURITY_POLICY);
        ctx.header("X-Content-Type-Options", "nosniff");
        ctx.header("X-Frame-Options", "DENY");
        ctx.header("Referrer-Policy", "same-origin");
        ctx.header("Cross-Origin-Opener-Policy", "same-origin");
        ctx.header("Permissions-Policy", "camera=(), microphone=(), geolocation=()");
        if (!ctx.path().startsWith("/assets/")) {
            ctx.header("Cache-Control", "no-store");
        }
    }

    private static void refusal(Context ctx, Pages pages, int status, String message) {
        if (Routes.isApi(ctx)) {
            Problems.send(ctx, status, message);
            return;
        }
        String title = switch (status) {
            case 400 -> "Bad request";
            case 401 -> "Sign in first";
            case 403 -> "Not allowed";
            case 404 -> "Not found";
            case 405 -> "Not allowed this way";
            case 413 -> "Too large";
            default -> "Refused";
        };
        try {
            pages.error(ctx, status, title, message);
        } catch (RuntimeException e) {
            ctx.status(status).contentType("text/plain").result(message);
        }
    }

    /**
     * The one connector when the console serves HTTPS itself: TLS with the keystore's key and certificate on the
     * console's port; the console's own checks look at the Host, so Jetty's check against the certificate's names
     * is left off.
     */
    private static Connector tlsConnector(Server server, HttpConfiguration http, HostConfig config) {
        SslContextFactory.Server tls = new SslContextFactory.Server();
        tls.setKeyStorePath(config.tlsKeystore().toString());
        tls.setKeyStoreType("PKCS12");
        tls.setKeyStorePassword(config.tlsKeystorePassword());
        HttpConfiguration https = new HttpConfiguration(http);
        SecureRequestCustomizer secure = new SecureRequestCustomizer();
        secure.setSniHostCheck(false);
        https.addCustomizer(secure);
        ServerConnector connector = new ServerConnector(server,
                new SslConnectionFactory(tls, "http/1.1"),
                new HttpConnectionFactory(https));
        connector.setHost(config.bindAddress());
        connector.setPort(config.port());
        return connector;
    }

    /** Too many passwords being checked at once: try again shortly. */
    private static void busy(Context ctx, Pages pages) {
        String message = "The console is checking many passwords at once. Try again in a moment.";
        ctx.header("Retry-After", "1");
        if (Routes.isApi(ctx)) {
            Problems.send(ctx, 503, message);
            return;
        }
        try {
            pages.error(ctx, 503, "Busy", message);
        } catch (RuntimeException again) {
            ctx.status(503).contentType("text/plain").result(message);
        }
    }

    /** Logs the failure with an id and shows the id, never the stack trace. */
    private static void failure(Context ctx, Pages pages, Exception e) {
        String id = UUID.randomUUID().toString().substring(0, 8);
        int status = e instanceof org.nre.hostkit.db.StorageException ? 503 : 500;
        if (e instanceof org.nre.hostkit.db.StorageException storage && storage.unavailable()) {
            // A known condition while the database is down: one line, not a stack trace per request.
            LOG.warn("Request {} {} failed: {} (error id {})", ctx.method(), ctx.path(), e.getMessage(), id);
        } else if (status == 503) {
            // The database refused a statement: the request's effect is rolled back, and the stack trace tells why.
            LOG.error("Request {} {} failed in the database (error id {})", ctx.method(), ctx.path(), id, e);
        } else {
            LOG.error("Request {} {} failed (error id {})", ctx.method(), ctx.path(), id, e);
        }
        String message = status == 503
                ? "The console cannot reach its database right now. Try again in a moment; if it persists, tell the "
                        + "console administrator (error id " + id + ")."
                : "Something went wrong on the console's side. Tell the console administrator the error id " + id + ".";
        if (Routes.isApi(ctx)) {
            Problems.send(ctx, status, message);
            return;
        }
        try {
            pages.error(ctx, status, status == 503 ? "Database unavailable" : "Something went wrong", message);
        } catch (RuntimeException again) {
            ctx.status(status).contentType("text/plain").result(message);
        }
    }
}
