package org.nre.simulator.vendor;

import java.net.URI;
import java.time.Clock;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.nre.hostapi.audit.AuditLog;
import org.nre.hostapi.panel.ActionInput;
import org.nre.hostapi.panel.ActionResult;
import org.nre.hostapi.panel.PanelAction;
import org.nre.hostapi.panel.PanelView;
import org.nre.hostapi.rights.Level;
import org.nre.hostapi.user.ActingUser;
import org.nre.simulator.store.SimulatorStore;

/**
 * The vendor's side of the simulated router, where a console user plays the vendor: the panel's view and its
 * actions (authorize, reject, suspend, reinstate, publish new terms), each decision and publication audited.
 * A decision names its registration in the input {@code registration} and takes its reason from the section's
 * reason input or, for programs, from {@code reason}; the view's data gives programs the router's {@code url},
 * the current {@code terms} and the {@code registrations}, newest first.
 */
public final class VendorDesk {

    /** The action that publishes new terms. */
    public static final String PUBLISH_TERMS = "publish-terms";

    private final SimulatorStore store;
    private final Decisions decisions;
    private final TermsPublishing publishing;
    private final VendorView view;

    /**
     * @param store the vendor's registry
     * @param audit where decisions and publications are recorded
     * @param clock today's date, for the earliest effective date of new terms
     * @param zone the console's time zone, in which dates and times are shown and today is reckoned
     * @param routerUrl where the simulated router listens, shown and given to programs
     */
    public VendorDesk(SimulatorStore store, AuditLog audit, Clock clock, ZoneId zone, URI routerUrl) {
        this.store = store;
        this.decisions = new Decisions(store, audit);
        this.publishing = new TermsPublishing(store, audit, clock, zone);
        this.view = new VendorView(zone, routerUrl);
    }

    /** The actions the panel answers, each at level write. */
    public static List<PanelAction> actions() {
        List<PanelAction> actions = new ArrayList<>();
        for (Decision decision : Decision.values()) {
            actions.add(PanelAction.of(decision.action(), decision.label, Level.WRITE));
        }
        actions.add(PanelAction.of(PUBLISH_TERMS, "Publish new terms", Level.WRITE));
        return List.copyOf(actions);
    }

    /** What the vendor's side shows now. */
    public PanelView view() {
        return view.view(store.currentTerms(), store.all(), publishing.earliestEffectiveDate());
    }

    /**
     * Carries out one of {@link #actions()}.
     *
     * @param action the action's name
     * @param input what the user submitted
     * @param user who plays the vendor, for the audit log
     * @return what came of it; nothing is stored unless it is a success
     */
    public ActionResult act(String action, ActionInput input, ActingUser user) {
        if (PUBLISH_TERMS.equals(action)) {
            return publishing.publish(input, user);
        }
        Optional<Decision> decision = Decision.ofAction(action);
        if (decision.isEmpty()) {
            return ActionResult.conflict("The vendor can authorize, reject, suspend or reinstate, or publish new "
                    + "terms; '" + action + "' is none of these.");
        }
        return decisions.decide(decision.get(), input, user);
    }
}
