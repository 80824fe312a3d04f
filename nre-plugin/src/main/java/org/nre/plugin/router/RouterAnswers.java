package org.nre.plugin.router;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Optional;

/**
 * What the router's answers mean, status by status, as the contract (docs/router-api.md) defines them: a success
 * read by its reader; 408, 429 and 503 the router unavailable for now; other 5xx a request it may or may not have
 * acted on; 404, 409, 401/403 and other 4xx refusals, each said in words for district staff. Every answer also
 * tells the health of the router's reachability.
 */
final class RouterAnswers {

    /** Reads what a successful answer holds. */
    @FunctionalInterface
    interface Reader<T> {
        T read(RouterAnswer answer) throws RouterJson.Malformed;
    }

    private final Clock clock;
    private final RouterClient.Health health;

    RouterAnswers(Clock clock, RouterClient.Health health) {
        this.clock = clock;
        this.health = health;
    }

    /** What an answer means: a result for the lifecycle, its message in words for district staff. */
    <T> RouterResult<T> interpret(RouterAnswer answer, Reader<T> reader) {
        int status = answer.status();
        Instant now = clock.instant();
        if (status >= 200 && status < 300) {
            health.reached(now);
            try {
                return new RouterResult.Ok<>(reader.read(answer));
            } catch (RouterJson.Malformed e) {
                return new RouterResult.Malformed<>("The router's answer could not be used: " + e.getMessage() + ".");
            }
        }
        String detail = RouterJson.problemText(answer.body());
        String said = detail.isEmpty() ? "" : " The router said: " + detail;
        if (status == 429 || status == 503 || status == 408) {
            Duration wait = retryAfter(answer).orElse(Duration.ZERO);
            String message = (status == 429 ? "The router is refusing calls for now (too many requests)."
                    : "The router is unavailable for now (" + status + ").")
                    + (wait.isZero() ? "" : " It asked to wait " + wait.toSeconds() + " seconds.") + said;
            health.unreachable(now, message);
            return new RouterResult.Unavailable<>(message, wait);
        }
        if (status >= 500) {
            String message = "The router failed (" + status + ") and may or may not have acted on the request." + said;
            health.unreachable(now, message);
            return new RouterResult.Lost<>(message);
        }
        health.reached(now);
        if (status == 404) {
            return new RouterResult.NotFound<>("The router has no record of it." + said);
        }
        if (status == 409) {
            try {
                var existing = RouterJson.member(RouterJson.object(answer.body()), "registration");
                if (existing != null) {
                    return new RouterResult.Conflict<>(RouterJson.registration(existing),
                            "The router already holds a registration for the district." + said);
                }
            } catch (RouterJson.Malformed e) {
                return new RouterResult.Malformed<>("The router's conflict answer could not be used: " + e.getMessage()
                        + ".");
            }
            return new RouterResult.Refused<>(status, "The router refused the request as conflicting." + said);
        }
        if (status == 401 || status == 403) {
            return new RouterResult.Refused<>(status, "The router refused the console's signed request (" + status
                    + "). Check the district key and shared secret in the NRE settings, and that this server's "
                    + "clock is right." + said);
        }
        if (status >= 400) {
            return new RouterResult.Refused<>(status, "The router refused the request (" + status + ")." + said);
        }
        return new RouterResult.Malformed<>("The router answered with status " + status
                + ", which the contract does not allow.");
    }

    /** How long the router asked to wait (Retry-After, in seconds or as a date), when it did. */
    Optional<Duration> retryAfter(RouterAnswer answer) {
        return answer.headers().firstValue("Retry-After").flatMap(value -> {
            String text = value.strip();
            try {
                return Optional.of(Duration.ofSeconds(Math.max(0, Long.parseLong(text))));
            } catch (NumberFormatException e) {
                try {
                    Instant at = ZonedDateTime.parse(text, DateTimeFormatter.RFC_1123_DATE_TIME).toInstant();
                    Duration wait = Duration.between(clock.instant(), at);
                    return Optional.of(wait.isNegative() ? Duration.ZERO : wait);
                } catch (DateTimeParseException unreadable) {
                    return Optional.empty();
                }
            }
        });
    }
}
