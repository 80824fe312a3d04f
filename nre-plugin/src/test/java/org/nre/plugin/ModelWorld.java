package org.nre.plugin;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.nre.hostapi.panel.Component;
import org.nre.hostapi.panel.PanelView;
import org.nre.hostapi.storage.DatabaseProduct;
import org.nre.hostapi.user.ActingUser;
import org.nre.plugin.registration.Lifecycle;
import org.nre.plugin.router.RouterPolicy;
import org.nre.plugin.testing.RouterDouble;
import org.nre.plugin.testing.RouterStub;
import org.nre.plugin.testing.TestHost;
import org.nre.testkit.PluginHarness;
import org.nre.testkit.TestClock;
import org.nre.testkit.TestDatabase;

/**
 * One run of the registration model: the started plugin on a fresh database, the router double in front of
 * it, the steps carried out one by one and the invariants checked after each.
 */
final class ModelWorld implements AutoCloseable {

    /** Short waits, so that a slow answer costs a quarter of a second, and a circuit that opens at once. */
    static final RouterPolicy POLICY = new RouterPolicy(Duration.ofMillis(200), Duration.ofMillis(250), 3, 2,
            Duration.ofMillis(5), Duration.ofMillis(20), 6, 4, Duration.ofSeconds(30), 64 * 1024);
    /** Longer than the policy's read timeout. */
    static final int SLOW_MILLIS = 400;

    private static final Map<String, String> NAMES = Map.of("jdoe", "Doe, Jane", "bob", "Backup, Bob",
            "ann", "Admin, Ann");

    final TestClock clock = new TestClock(RouterStub.start());
    final RouterDouble router;
    final TestDatabase database = TestDatabase.of(DatabaseProduct.H2);
    final PluginHarness harness;
    final NrePlugin plugin;
    final ModelInvariants invariants;
    /** What the runs came to, over every world: shown after the test, so that it can be seen what was tried. */
    static final Map<String, Integer> TALLY = new java.util.concurrent.ConcurrentSkipListMap<>();

    ModelWorld(RouterDouble router) {
        this.router = router;
        router.reset(clock);
        harness = PluginFixture.harness(database, clock, POLICY, router.url()).start();
        plugin = (NrePlugin) harness.plugin();
        invariants = new ModelInvariants(this);
    }

    /** Carries the steps out, checking the invariants after each, then lets everything settle and checks again. */
    void run(List<ModelStep> steps) {
        for (int i = 0; i < steps.size(); i++) {
            ModelStep step = steps.get(i);
            try {
                apply(step);
                invariants.afterStep();
            } catch (Exception | AssertionError e) {
                throw new AssertionError("after step " + (i + 1) + " (" + step + "): " + e.getMessage(), e);
            }
        }
        try {
            quiesce();
            invariants.settled();
        } catch (Exception | AssertionError e) {
            throw new AssertionError("once the router was well and the poller had caught up: " + e.getMessage(), e);
        }
        tally();
    }

    private void tally() {
        plugin.parts().registrations().history(TestHost.DISTRICT.id(), 100_000).forEach(line -> TALLY.merge(
                "history " + line.action() + " " + (line.delivery() == null ? "-" : line.delivery()), 1, Integer::sum));
        router.registrations().forEach(held -> TALLY.merge("router registration ending " + held.state(), 1,
                Integer::sum));
        if (router.registrations().size() > 1) {
            TALLY.merge("sequences that registered again", 1, Integer::sum);
        }
    }

    private void apply(ModelStep step) throws Exception {
        if (step instanceof ModelStep.Register r) {
            Map<String, String> input = new HashMap<>(Map.of(Lifecycle.ACCEPT_TERMS, "on"));
            input.put(Lifecycle.SEEN_TERMS, r.staleTerms() ? "2025-01" : shownTerms());
            act("register", r.user(), input);
        } else if (step instanceof ModelStep.AcceptTerms a) {
            act("accept-terms", a.user(), Map.of(Lifecycle.ACCEPT_TERMS, "on", Lifecycle.SEEN_TERMS, shownTerms()));
        } else if (step instanceof ModelStep.CheckStatus c) {
            act("refresh", c.user(), Map.of());
        } else if (step instanceof ModelStep.ResendLocality l) {
            act("resend-locality", l.user(), Map.of());
        } else if (step instanceof ModelStep.Deregister d) {
            act("deregister", d.user(), Map.of());
        } else if (step instanceof ModelStep.Poll) {
            harness.runTask(TestHost.POLLER);
        } else if (step instanceof ModelStep.Vendor v) {
            router.decide(v.decision());
        } else if (step instanceof ModelStep.PublishTerms) {
            router.publishTerms();
        } else if (step instanceof ModelStep.Network n) {
            router.condition(n.condition());
        } else if (step instanceof ModelStep.Elapse e) {
            clock.advance(Duration.ofSeconds(e.seconds()));
        }
    }

    /** The router well again, past every pause and window, and the poller run until it has caught up. */
    private void quiesce() throws Exception {
        router.condition(RouterDouble.Condition.WELL);
        for (int i = 0; i < 3; i++) {
            clock.advance(Lifecycle.SENDING_WINDOW.plus(POLICY.circuitOpenFor()));
            harness.runTask(TestHost.POLLER);
        }
    }

    private void act(String action, String user, Map<String, String> input) {
        harness.panel(NreTool.PANEL_ID, user(user)).actConfirmed(action, input);
    }

    /** The terms version the panel's form shows, as a person would submit it; the router's when none is shown. */
    private String shownTerms() {
        PanelView view = harness.panel(NreTool.PANEL_ID, TestHost.ADMIN).view();
        return view.sections().stream().flatMap(s -> s.components().stream())
                .filter(c -> c instanceof Component.Hidden h && h.name().equals(Lifecycle.SEEN_TERMS))
                .map(c -> ((Component.Hidden) c).value()).findFirst().orElse(router.termsVersion());
    }

    static ActingUser user(String id) {
        return new ActingUser(id, NAMES.get(id), "10.0.0." + (id.length() + 7), (rightId, level) -> true);
    }

    static String name(String id) {
        return NAMES.get(id);
    }

    @Override
    public void close() {
        harness.close();
        database.close();
    }
}
