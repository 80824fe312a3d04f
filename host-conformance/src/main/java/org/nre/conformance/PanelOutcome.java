package org.nre.conformance;

import org.nre.hostapi.panel.ActionResult;
import org.nre.hostapi.panel.PanelView;

/** What the host answered when asked for a panel or one of its actions. */
public sealed interface PanelOutcome
        permits PanelOutcome.Shown, PanelOutcome.Done, PanelOutcome.Refused, PanelOutcome.Failed,
        PanelOutcome.NotFound {

    /**
     * The panel, as the user may see it.
     *
     * @param view the view the host shows, without the buttons the user may not use
     */
    record Shown(PanelView view) implements PanelOutcome {
    }

    /**
     * The plugin carried the action out, or answered why not.
     *
     * @param result what the plugin answered
     */
    record Done(ActionResult result) implements PanelOutcome {
    }

    /**
     * The user may not do this; the plugin was not asked.
     *
     * @param message what the host tells the user
     */
    record Refused(String message) implements PanelOutcome {
    }

    /**
     * The plugin failed; the host contained it.
     *
     * @param message what the host tells the user
     */
    record Failed(String message) implements PanelOutcome {
    }

    /** No started plugin offers such a panel or action. */
    record NotFound() implements PanelOutcome {
    }
}
