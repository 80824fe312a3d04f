package org.nre.sample;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/** A browser-like HTTP client for tests: keeps cookies, sends the console's Origin, never follows redirects. */
public final class WebClient {

    /** A response: status, body and headers. */
    public record Response(int status, String body, java.net.http.HttpHeaders headers) {
        public String header(String name) {
            return headers.firstValue(name).orElse("");
        }
    }

    private static final Pattern CSRF = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");

    private final String base;
    private final HttpClient http;
    private final CookieManager cookies = new CookieManager();

    public WebClient(int port) {
        this("http://localhost:" + port, null);
    }

    /** A client of the console at {@code base} (such as https://localhost:8443), trusting {@code tls} when given. */
    public WebClient(String base, javax.net.ssl.SSLContext tls) {
        this.base = base;
        HttpClient.Builder builder = HttpClient.newBuilder()
                .cookieHandler(cookies)
                .followRedirects(HttpClient.Redirect.NEVER)
                .connectTimeout(Duration.ofSeconds(5));
        if (tls != null) {
            builder.sslContext(tls);
        }
        this.http = builder.build();
    }

    /** The value of a cookie the console set, or empty. */
    public String cookie(String name) {
        return cookies.getCookieStore().getCookies().stream().filter(c -> c.getName().equals(name))
                .map(java.net.HttpCookie::getValue).findFirst().orElse("");
    }

    public void setCookie(String name, String value) {
        java.net.HttpCookie cookie = new java.net.HttpCookie(name, value);
        cookie.setPath("/");
        cookie.setVersion(0);
        cookies.getCookieStore().add(URI.create(base()), cookie);
    }

    public String base() {
        return base;
    }

    public Response get(String path) {
        return send(HttpRequest.newBuilder(URI.create(base() + path)).GET());
    }

    public Response postForm(String path, Map<String, String> form) {
        String body = form.entrySet().stream()
                .map(e -> encode(e.getKey()) + "=" + encode(e.getValue()))
                .collect(Collectors.joining("&"));
        return send(HttpRequest.newBuilder(URI.create(base() + path))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .header("Origin", base())
                .POST(HttpRequest.BodyPublishers.ofString(body)));
    }

    /**
     * Posts a form with the CSRF token of the page at {@code page} and the hidden fields (such as the version the
     * change is based on) of its form for {@code action}, as a browser would; {@code fields} win.
     */
    public Response submit(String page, String action, Map<String, String> fields) {
        String html = get(page).body();
        Map<String, String> form = new LinkedHashMap<>(hiddenFieldsOf(html, action));
        form.putAll(fields);
        form.put("_csrf", csrfOf(html));
        return postForm(action, form);
    }

    /** The hidden inputs of the page's form that posts to {@code action}. */
    public static Map<String, String> hiddenFieldsOf(String html, String action) {
        Map<String, String> hidden = new LinkedHashMap<>();
        Matcher form = Pattern.compile("<form[^>]*action=\"" + Pattern.quote(action) + "\"[^>]*>(.*?)</form>",
                Pattern.DOTALL).matcher(html);
        if (form.find()) {
            Matcher input = Pattern.compile("<input type=\"hidden\" name=\"([^\"]+)\" value=\"([^\"]*)\"")
                    .matcher(form.group(1));
            while (input.find()) {
                hidden.put(input.group(1), input.group(2));
            }
        }
        return hidden;
    }

    /**
     * The page a browser form's answer sends the browser to (post/redirect/get), fetched as the browser would;
     * the answer must be 303.
     */
    public Response followed(Response answer) {
        if (answer.status() != 303) {
            throw new AssertionError("Expected a form's answer of 303 to a page, got " + answer.status() + ": "
                    + answer.body());
        }
        return get(answer.header("Location"));
    }

    /** What a refused sign-in's answer carries to the sign-in page it redirects to: the message and user name. */
    public static String signInRefusal(Response answer) {
        for (String cookie : answer.headers().allValues("Set-Cookie")) {
            if (cookie.startsWith("nre_signin=")) {
                return signInRefusal(cookie);
            }
        }
        throw new AssertionError("The answer carries no sign-in refusal: " + answer.status());
    }

    /** The sign-in refusal in a Set-Cookie header's value. */
    public static String signInRefusal(String setCookie) {
        if (!setCookie.startsWith("nre_signin=")) {
            throw new AssertionError("Not a sign-in refusal: " + setCookie);
        }
        String value = setCookie.substring("nre_signin=".length(), setCookie.indexOf(';'));
        return new String(java.util.Base64.getUrlDecoder().decode(value.substring(0, value.indexOf('.'))),
                java.nio.charset.StandardCharsets.UTF_8);
    }

    public Response postJson(String path, String json, String csrfToken) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base() + path))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json));
        if (csrfToken != null) {
            request.header("X-CSRF-Token", csrfToken);
        }
        return send(request);
    }

    public Response send(HttpRequest.Builder request) {
        try {
            HttpResponse<String> response = http.send(request.timeout(Duration.ofSeconds(30)).build(),
                    HttpResponse.BodyHandlers.ofString());
            return new Response(response.statusCode(), response.body(), response.headers());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    public Response signIn(String login, String password) {
        Response response = postForm("/signin", Map.of("login", login, "password", password));
        // A refused sign-in answers 303 too, back to the sign-in page.
        if (response.status() != 303 || "/signin".equals(response.header("Location"))) {
            throw new AssertionError("Sign-in as " + login + " answered " + response.status() + " to "
                    + response.header("Location"));
        }
        return response;
    }

    /** The CSRF token the JSON API hands a signed-in client. */
    public String apiCsrfToken() {
        Matcher matcher = Pattern.compile("\"csrfToken\":\"([^\"]+)\"").matcher(get("/api/session").body());
        if (!matcher.find()) {
            throw new AssertionError("No CSRF token from /api/session");
        }
        return matcher.group(1);
    }

    public static String csrfOf(String html) {
        Matcher matcher = CSRF.matcher(html);
        if (!matcher.find()) {
            throw new AssertionError("The page has no CSRF token");
        }
        return matcher.group(1);
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
