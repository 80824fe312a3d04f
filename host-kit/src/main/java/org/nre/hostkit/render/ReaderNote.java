package org.nre.hostkit.render;

import java.util.List;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.nre.hostapi.panel.PanelAction;
import org.nre.hostkit.panel.Panels;

/**
 * The one line a panel shows a user who may not run some of its actions: what they may do, what the rest needs,
 * and whom to ask. Such a user sees no control for those actions, so the line is what tells them the panel does
 * more.
 */
final class ReaderNote {

    private ReaderNote() {
    }

    /** The line for this user and panel, or empty when the user may run every action the panel has. */
    static String of(Panels.Shown shown, FormTarget form) {
        List<PanelAction> beyond = shown.beyondReach();
        if (beyond.isEmpty()) {
            return "";
        }
        String may = shown.allowedActions().isEmpty() ? "You can view this tool."
                : "You can view this tool and use " + labels(shown.allowedActions()) + ".";
        String levels = beyond.stream().map(PanelAction::level).collect(Collectors.toCollection(TreeSet::new))
                .stream().map(level -> String.valueOf(level.letter())).collect(Collectors.joining(" or "));
        return may + " " + labels(beyond) + (beyond.size() == 1 ? " needs" : " need") + " the "
                + levels + " level of '" + shown.rightLabel() + "'. " + form.whomToAsk();
    }

    private static String labels(List<PanelAction> actions) {
        List<String> quoted = actions.stream().map(a -> "\"" + a.label() + "\"").toList();
        if (quoted.size() == 1) {
            return quoted.get(0);
        }
        return String.join(", ", quoted.subList(0, quoted.size() - 1)) + " and " + quoted.get(quoted.size() - 1);
    }
}
