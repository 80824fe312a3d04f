package org.nre.plugin;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.nre.plugin.registration.Delivery;
import org.nre.plugin.registration.HistoryEntry;
import org.nre.plugin.registration.Registration;
import org.nre.plugin.registration.RegistrationState;
import org.nre.plugin.terms.TermsAcceptance;
import org.nre.plugin.testing.RouterDouble;
import org.nre.plugin.testing.TestHost;

/**
 * What must hold between the console's record and the router's, after every step of the model:
 *
 * <ol>
 *   <li>the console's record agrees with the router's: every registration the console holds as received is the
 *       router's, under the console's own reference, in a state the router has held it in; every attempt the
 *       console holds as never arrived is unknown to the router;</li>
 *   <li>no history line claims something the router did not receive, and none says "not received" of a
 *       request the router carried out;</li>
 *   <li>at most one live registration per district, at the router and in the console;</li>
 *   <li>"Registered By" names the person of the registration the router holds;</li>
 *   <li>a stored state never goes backwards without a vendor decision: the states the console showed for a
 *       registration come in the order the router held them;</li>
 *   <li>an acceptance made for an attempt that never became a registration is never sent.</li>
 * </ol>
 *
 * Once the router is well and the poller has caught up, the console's registration is exactly the router's.
 */
final class ModelInvariants {

    private final ModelWorld world;
    private final Map<String, List<String>> shown = new HashMap<>();
    private int linesChecked;

    ModelInvariants(ModelWorld world) {
        this.world = world;
    }

    void afterStep() {
        List<Registration> console = registrations();
        List<RouterDouble.Held> router = world.router.registrations();
        for (Registration r : console) {
            recordAgrees(r);
        }
        claimsAreTrue(console);
        check(router.stream().filter(RouterDouble.Held::live).count() <= 1,
                "the router holds more than one live registration of the district: " + describe(router));
        check(console.stream().filter(Registration::live).count() <= 1,
                "the console holds more than one live registration: " + console);
        current().filter(Registration::hasRouterId).ifPresent(c -> {
            RouterDouble.Held held = held(c);
            check(c.registeredByName().equals(held.registeredByName), "Registered By shows "
                    + c.registeredByName() + " but the router's registration " + held.id + " was made by "
                    + held.registeredByName);
        });
        neverBackwards(console);
        Set<String> neverBecame = console.stream().filter(r -> r.state() == RegistrationState.NOT_REGISTERED)
                .map(Registration::id).collect(Collectors.toSet());
        for (TermsAcceptance a : world.plugin.parts().terms().store().acceptances(TestHost.DISTRICT.id())) {
            if (neverBecame.contains(a.registrationId())) {
                check(!world.router.acceptanceKeys().contains(a.idempotencyKey()), "an acceptance made for an attempt "
                        + "that never became a registration was sent: " + a);
            }
        }
    }

    /** Once all is well: the console's registration is exactly the router's, and nothing is left unknown. */
    void settled() {
        afterStep();
        List<RouterDouble.Held> router = world.router.registrations();
        Optional<RouterDouble.Held> live = router.stream().filter(RouterDouble.Held::live).findFirst();
        Optional<Registration> current = current();
        check(registrations().stream().noneMatch(r -> r.state() == RegistrationState.UNKNOWN),
                "a registration is still unknown: " + registrations());
        if (live.isPresent()) {
            check(current.isPresent() && live.get().id.equals(current.get().routerRegistrationId())
                            && current.get().state().name().equals(live.get().state()),
                    "the router's live registration is " + live.get().id + " " + live.get().state()
                            + " but the console shows " + current.orElse(null));
        } else if (current.isPresent() && current.get().hasRouterId()) {
            RouterDouble.Held held = held(current.get());
            check(current.get().state().name().equals(held.state()), "the console shows " + current.get().state()
                    + " for " + held.id + ", which the router holds as " + held.state());
        }
        if (router.isEmpty()) {
            check(current.isEmpty(), "the router holds no registration, yet the console shows " + current.orElse(null));
        }
    }

    private void recordAgrees(Registration r) {
        if (r.state() == RegistrationState.NOT_REGISTERED) {
            check(world.router.registrations().stream().noneMatch(h -> h.clientReference.equals(r.id())),
                    "the console holds its attempt " + r.id() + " as never arrived, but the router holds it: "
                            + describe(world.router.registrations()));
        } else if (r.hasRouterId()) {
            RouterDouble.Held held = held(r);
            check(held.clientReference.equals(r.id()), "the console took the router's registration " + held.id
                    + " (made as " + held.clientReference + ") for its own " + r.id());
            check(held.states.contains(r.state().name()), "the console shows " + r.state() + " for " + held.id
                    + ", a state the router never held it in: " + held.states);
        } else {
            check(r.state() == RegistrationState.UNKNOWN, "a registration without the router's id is " + r.state());
        }
    }

    /**
     * Checks each history line once, when it first appears, against what the router had received by then: a
     * line that says nothing was sent is true of that moment, though a later retry with the same key may arrive.
     */
    private void claimsAreTrue(List<Registration> console) {
        List<HistoryEntry> history = world.plugin.parts().registrations().history(TestHost.DISTRICT.id(), 100_000);
        for (HistoryEntry line : history.subList(0, history.size() - linesChecked)) {
            if (line.delivery() == Delivery.RECEIVED) {
                check(line.requestKey() != null && world.router.arrived(line.requestKey()),
                        "the history says the router received a request it never got: " + line.detail());
            } else if (line.delivery() == Delivery.NOT_SENT && line.requestKey() != null) {
                check(!world.router.arrived(line.requestKey()),
                        "the history says nothing was sent of a request the router got: " + line.detail());
            } else if (line.delivery() == Delivery.NOT_TAKEN) {
                check(world.router.registrations().stream().noneMatch(h -> h.clientReference.equals(
                        line.registrationId())), "the history says the router holds nothing of a registration it "
                        + "holds: " + line.detail());
            }
            check(!line.detail().matches("(?s).*[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-.*")
                    && !line.detail().contains("Exception"), "a history line shows a key or an exception's name: "
                    + line.detail());
        }
        linesChecked = history.size();
    }

    private void neverBackwards(List<Registration> console) {
        for (Registration r : console) {
            if (!r.hasRouterId()) {
                continue;
            }
            List<String> seen = shown.computeIfAbsent(r.routerRegistrationId(), id -> new ArrayList<>());
            if (seen.isEmpty() || !seen.get(seen.size() - 1).equals(r.state().name())) {
                seen.add(r.state().name());
            }
            List<String> timeline = held(r).states;
            int at = 0;
            for (String state : seen) {
                while (at < timeline.size() && !timeline.get(at).equals(state)) {
                    at++;
                }
                check(at < timeline.size(), "the console showed " + seen + " for " + r.routerRegistrationId()
                        + ", not in the order the router held it: " + timeline);
            }
        }
    }

    private List<Registration> registrations() {
        return world.plugin.parts().registrations().all(TestHost.DISTRICT.id());
    }

    private Optional<Registration> current() {
        return world.plugin.parts().registrations().current(TestHost.DISTRICT.id());
    }

    private RouterDouble.Held held(Registration r) {
        return world.router.byId(r.routerRegistrationId()).orElseThrow(() -> new AssertionError("the console follows "
                + "registration " + r.routerRegistrationId() + ", which the router does not hold"));
    }

    private static String describe(List<RouterDouble.Held> router) {
        return router.stream().map(h -> h.id + " (" + h.clientReference + ") " + h.states)
                .collect(Collectors.joining(", "));
    }

    private static void check(boolean holds, String otherwise) {
        if (!holds) {
            throw new AssertionError(otherwise);
        }
    }
}
