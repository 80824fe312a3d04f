package org.nre.sample.web;

import io.javalin.http.Context;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.nre.hostapi.rights.RightSet;
import org.nre.hostapi.user.ActingUser;
import org.nre.hostkit.audit.AuditStore;

/**
 * Puts every refused request in the audit log (action {@code refused}): who asked, or "anonymous", the method,
 * the route, the status, the address and why. A signed-in user's refusals are all kept; anonymous ones are
 * kept at most once a minute per address and {@value #ANONYMOUS_PER_MINUTE} a minute in all, each kept entry
 * counting those left out before it, so that nobody can flood the log without signing in.
 */
final class Refusals {

    /** The context attribute holding the refusal's message, set where the answer is written. */
    static final String REASON = "nre.refusal-reason";
    static final int ANONYMOUS_PER_MINUTE = 60;
    private static final Set<Integer> REFUSED = Set.of(401, 403, 421);
    private static final Duration WINDOW = Duration.ofMinutes(1);
    private static final int MAX_ADDRESSES = 10_000;

    /** An address's minute: when it began and how many refusals were left out since the last kept one. */
    private static final class Minute {
        Instant began;
        long leftOut;

        Minute(Instant began) {
            this.began = began;
        }
    }

    private final AuditStore audit;
    private final Guard guard;
    private final Clock clock;
    private final Map<String, Minute> anonymous = new ConcurrentHashMap<>();
    private Instant allBegan = Instant.EPOCH;
    private int allKept;

    Refusals(AuditStore audit, Guard guard, Clock clock) {
        this.audit = audit;
        this.guard = guard;
        this.clock = clock;
    }

    /** After every request: audits it when it was refused. */
    void after(Context ctx) {
        int status = ctx.statusCode();
        if (!REFUSED.contains(status) || signIn(ctx)) {
            return;
        }
        Object reason = ctx.attribute(REASON);
        String detail = ctx.method().name() + " " + ctx.path() + " answered " + status
                + (reason == null ? "" : ": " + reason);
        Viewer viewer = status == 421 ? null : guard.resolve(ctx);
        String address = Client.of(ctx).address();
        if (viewer != null) {
            audit.record(AuditStore.HOST_SOURCE, viewer.user(), "refused", detail);
            return;
        }
        long leftOut = admitAnonymous(address);
        if (leftOut < 0) {
            return;
        }
        audit.record(AuditStore.HOST_SOURCE, new ActingUser("-", "anonymous", address, RightSet.none()), "refused",
                detail + (leftOut == 0 ? "" : " (" + leftOut + " more refusals of anonymous requests were not "
                        + "logged one by one before this one)"));
    }

    /** Sign-in failures have entries of their own. */
    private static boolean signIn(Context ctx) {
        return ctx.path().equals("/signin") || ctx.path().equals("/api/session");
    }

    /** How many were left out before this one, or -1 when this one is left out too. */
    private synchronized long admitAnonymous(String address) {
        Instant now = clock.instant();
        if (anonymous.size() > MAX_ADDRESSES) {
            anonymous.values().removeIf(minute -> minute.began.plus(WINDOW).isBefore(now));
        }
        if (!allBegan.plus(WINDOW).isAfter(now)) {
            allBegan = now;
            allKept = 0;
        }
        Minute minute = anonymous.get(address);
        boolean addressFree = minute == null || !minute.began.plus(WINDOW).isAfter(now);
        if (!addressFree || allKept >= ANONYMOUS_PER_MINUTE) {
            if (minute == null) {
                minute = new Minute(Instant.EPOCH);
                anonymous.put(address, minute);
            }
            minute.leftOut++;
            return -1;
        }
        long leftOut = minute == null ? 0 : minute.leftOut;
        if (minute == null) {
            anonymous.put(address, new Minute(now));
        } else {
            minute.began = now;
            minute.leftOut = 0;
        }
        allKept++;
        return leftOut;
    }
}
