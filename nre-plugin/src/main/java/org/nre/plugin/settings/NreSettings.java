package org.nre.plugin.settings;

import java.net.URI;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import org.nre.api.router.ProvidedRouter;
import org.nre.hostapi.panel.FieldError;
import org.nre.hostapi.storage.Secrets;
import org.nre.hostapi.storage.Settings;
import org.nre.plugin.router.RouterAddress;
import org.nre.plugin.router.RouterSettings;

/**
 * The plugin's settings: the router's URL, the district key, the shared secret (a write-only secret) and
 * how often the status poller asks the router. Stored in the console's settings and secrets. While another
 * plugin provides a router (the simulated router does), that router is used in place of the stored one.
 */
public final class NreSettings {

    public static final String ROUTER_URL = "router-url";
    public static final String DISTRICT_KEY = "district-key";
    public static final String SHARED_SECRET = "shared-secret";
    public static final String POLL_INTERVAL = "poll-interval-seconds";
    /**
     * Networks beyond the public internet the console may call the router in, such as {@code 10.20.0.0/16}:
     * set by the operator in the console's plugin settings file, never in the panel.
     */
    public static final String ALLOWED_NETWORKS = "router-allowed-networks";
    /**
     * How long the router may fail to answer before the console raises a notice and the router's health check
     * fails: an ISO-8601 duration such as {@code PT45M}, or whole minutes. Set by the operator in the console's
     * plugin settings file.
     */
    public static final String UNREACHABLE_AFTER = "router-unreachable-notice-after";

    public static final Duration DEFAULT_UNREACHABLE_AFTER = Duration.ofMinutes(30);
    public static final Duration MIN_UNREACHABLE_AFTER = Duration.ofMinutes(1);
    public static final Duration MAX_UNREACHABLE_AFTER = Duration.ofDays(7);

    public static final Duration DEFAULT_POLL_INTERVAL = Duration.ofSeconds(60);
    public static final int MIN_POLL_SECONDS = 10;
    public static final int MAX_POLL_SECONDS = 86_400;

    private final Settings settings;
    private final Secrets secrets;
    private final Runnable changed;
    private final Supplier<Optional<ProvidedRouter>> provided;

    /**
     * Settings kept in the console, with no other plugin providing a router.
     *
     * @param settings the plugin's settings in the console
     * @param secrets the plugin's secrets in the console
     * @param changed told after every save (they are stored outside the plugin's tables)
     */
    public NreSettings(Settings settings, Secrets secrets, Runnable changed) {
        this(settings, secrets, changed, Optional::empty);
    }

    /**
     * Settings kept in the console.
     *
     * @param settings the plugin's settings in the console
     * @param secrets the plugin's secrets in the console
     * @param changed told after every save (they are stored outside the plugin's tables)
     * @param provided the router another plugin provides now, if any
     */
    public NreSettings(Settings settings, Secrets secrets, Runnable changed,
                       Supplier<Optional<ProvidedRouter>> provided) {
        this.settings = settings;
        this.secrets = secrets;
        this.changed = changed;
        this.provided = provided;
    }

    /** The router another plugin provides now, used in place of the stored one. */
    public Optional<ProvidedRouter> provided() {
        return provided.get();
    }

    /** What the router needs, or empty while any of it is missing. */
    public Optional<RouterSettings> router() {
        Optional<ProvidedRouter> other = provided();
        if (other.isPresent()) {
            ProvidedRouter router = other.get();
            return Optional.of(new RouterSettings(router.url(), router.districtKey(), router.sharedSecret(),
                    allowedNetworks()));
        }
        Map<String, String> all = settings.all();
        String url = all.get(ROUTER_URL);
        String key = all.get(DISTRICT_KEY);
        if (url == null || key == null || RouterSettings.urlProblem(url) != null) {
            return Optional.empty();
        }
        List<RouterAddress.Network> allowed = allowedNetworks();
        return secrets.read(SHARED_SECRET).map(secret -> new RouterSettings(URI.create(url.strip()), key, secret,
                allowed));
    }

    /**
     * The networks the operator allowed; none while the setting is wrong, which {@link #allowedNetworksProblem}
     * explains.
     */
    public List<RouterAddress.Network> allowedNetworks() {
        try {
            return RouterAddress.networks(settings.get(ALLOWED_NETWORKS).orElse(""));
        } catch (IllegalArgumentException e) {
            return List.of();
        }
    }

    /** What is wrong with the operator's allowed networks, or empty. */
    public Optional<String> allowedNetworksProblem() {
        try {
            RouterAddress.networks(settings.get(ALLOWED_NETWORKS).orElse(""));
            return Optional.empty();
        } catch (IllegalArgumentException e) {
            return Optional.of("The operator's setting nre." + ALLOWED_NETWORKS + " is wrong: " + e.getMessage()
                    + ". Give IP addresses or networks such as 10.20.0.0/16, separated by commas, in the plugin "
                    + "settings file and restart the console; until then no private network is allowed.");
        }
    }

    /**
     * How long the router may fail to answer before it counts as unreachable for notices and health; the default
     * while the setting is wrong, which {@link #unreachableAfterProblem} explains.
     */
    public Duration unreachableAfter() {
        return settings.get(UNREACHABLE_AFTER).filter(text -> !text.isBlank()).map(NreSettings::duration)
                .filter(NreSettings::withinUnreachableBounds).orElse(DEFAULT_UNREACHABLE_AFTER);
    }

    /** What is wrong with the operator's unreachable-notice delay, or empty. */
    public Optional<String> unreachableAfterProblem() {
        Optional<String> text = settings.get(UNREACHABLE_AFTER).filter(value -> !value.isBlank());
        if (text.isEmpty() || duration(text.get()) != null && withinUnreachableBounds(duration(text.get()))) {
            return Optional.empty();
        }
        String shown = text.get().strip();
        return Optional.of("The operator's setting nre." + UNREACHABLE_AFTER + " is wrong: '"
                + (shown.length() > 40 ? shown.substring(0, 40) + "..." : shown) + "' is not "
                + (duration(text.get()) == null ? "a duration" : "between 1 minute and 7 days")
                + ". Give whole minutes (such as 45) or an ISO-8601 duration (such as PT45M or PT2H) in the plugin "
                + "settings file and restart the console; until then the console waits "
                + DEFAULT_UNREACHABLE_AFTER.toMinutes() + " minutes.");
    }

    /** Whole minutes or an ISO-8601 duration; null when it is neither. */
    private static Duration duration(String text) {
        String value = text.strip();
        if (value.matches("\\d{1,6}")) {
            return Duration.ofMinutes(Long.parseLong(value));
        }
        try {
            return Duration.parse(value.toUpperCase(Locale.ROOT));
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    private static boolean withinUnreachableBounds(Duration after) {
        return after.compareTo(MIN_UNREACHABLE_AFTER) >= 0 && after.compareTo(MAX_UNREACHABLE_AFTER) <= 0;
    }

    /** Whether the URL, key and secret are all set (or provided), without decrypting the secret. */
    public boolean configured() {
        if (provided().isPresent()) {
            return true;
        }
        Map<String, String> all = settings.all();
        String url = all.get(ROUTER_URL);
        return url != null && RouterSettings.urlProblem(url) == null && all.containsKey(DISTRICT_KEY)
                && secrets.isSet(SHARED_SECRET);
    }

    public String routerUrl() {
        return settings.get(ROUTER_URL).orElse("");
    }

    public String districtKey() {
        return settings.get(DISTRICT_KEY).orElse("");
    }

    public boolean secretSet() {
        return secrets.isSet(SHARED_SECRET);
    }

    /** The stored interval; else the providing plugin's (a simulated vendor decides at once); else the default. */
    public Duration pollInterval() {
        return settings.get(POLL_INTERVAL).flatMap(NreSettings::seconds)
                .filter(s -> s >= MIN_POLL_SECONDS && s <= MAX_POLL_SECONDS)
                .map(Duration::ofSeconds)
                .or(() -> provided().map(ProvidedRouter::pollInterval)
                        .filter(interval -> interval.toSeconds() >= MIN_POLL_SECONDS))
                .orElse(DEFAULT_POLL_INTERVAL);
    }

    /** What a console administrator submitted. An empty secret keeps the one stored. */
    public record Change(String routerUrl, String districtKey, String sharedSecret, String pollSeconds) {
    }

    /** The problems with a change, one per field; empty when it can be saved. */
    public List<FieldError> problems(Change change) {
        List<FieldError> errors = new ArrayList<>();
        if (change.routerUrl().isBlank()) {
            errors.add(new FieldError(ROUTER_URL, "Enter the router's address, such as https://router.nre.example."));
        } else if (change.routerUrl().length() > 500) {
            errors.add(new FieldError(ROUTER_URL, "Use at most 500 characters."));
        } else {
            String problem = RouterSettings.urlProblem(change.routerUrl());
            if (problem != null) {
                errors.add(new FieldError(ROUTER_URL, problem + "."));
            } else {
                RouterAddress.addressProblem(URI.create(change.routerUrl().strip()), allowedNetworks())
                        .ifPresent(where -> errors.add(new FieldError(ROUTER_URL, where)));
            }
        }
        boolean newUrl = !change.routerUrl().strip().equals(routerUrl());
        if (change.districtKey().isBlank()) {
            errors.add(new FieldError(DISTRICT_KEY, "Enter the district key the vendor issued."));
        } else if (!change.districtKey().matches("[A-Za-z0-9._:-]{1,100}")) {
            errors.add(new FieldError(DISTRICT_KEY,
                    "Use only letters, digits and . _ : - (at most 100), as the vendor issued it."));
        }
        if (change.sharedSecret().isEmpty() && !secretSet()) {
            errors.add(new FieldError(SHARED_SECRET, "Enter the shared secret the vendor issued."));
        } else if (change.sharedSecret().isEmpty() && newUrl) {
            // The secret signs requests to whatever address is saved: a new address needs it typed again.
            errors.add(new FieldError(SHARED_SECRET, "The router URL changed: enter the shared secret again. "
                    + "The console signs every request with it, so it signs for a new address only once you type it "
                    + "for that address."));
        } else if (!change.sharedSecret().isEmpty()
                && (change.sharedSecret().length() < 16 || change.sharedSecret().length() > 200)) {
            errors.add(new FieldError(SHARED_SECRET, "The shared secret has 16 to 200 characters."));
        }
        Optional<Long> seconds = change.pollSeconds().isBlank() ? Optional.of(DEFAULT_POLL_INTERVAL.toSeconds())
                : seconds(change.pollSeconds());
        if (seconds.isEmpty() || seconds.get() < MIN_POLL_SECONDS || seconds.get() > MAX_POLL_SECONDS) {
            errors.add(new FieldError(POLL_INTERVAL, "Enter a whole number of seconds from " + MIN_POLL_SECONDS
                    + " to " + MAX_POLL_SECONDS + "."));
        }
        return errors;
    }

    /** Saves a change that has no problems. */
    public void save(Change change) {
        settings.put(ROUTER_URL, change.routerUrl().strip());
        settings.put(DISTRICT_KEY, change.districtKey().strip());
        settings.put(POLL_INTERVAL, change.pollSeconds().isBlank()
                ? String.valueOf(DEFAULT_POLL_INTERVAL.toSeconds()) : change.pollSeconds().strip());
        if (!change.sharedSecret().isEmpty()) {
            secrets.put(SHARED_SECRET, change.sharedSecret());
        }
        changed.run();
    }

    private static Optional<Long> seconds(String text) {
        try {
            return Optional.of(Long.parseLong(text.strip()));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }
}
