package org.nre.hostapi.panel;

import java.util.List;
import org.nre.hostapi.Fields;
import org.nre.hostapi.HostApiException;

/**
 * What a panel shows now: sections of components, rendered by the host as a page and as JSON.
 *
 * @param sections the sections, in order
 * @param refreshSeconds when above zero, how often a console may fetch the view again on its own,
 *     such as while a state is about to change; zero for never
 */
public record PanelView(List<Section> sections, int refreshSeconds) {

    /** Checks and copies the fields. */
    public PanelView {
        sections = Fields.copyOf(sections, "sections");
        if (refreshSeconds < 0) {
            throw new HostApiException("Field 'refreshSeconds' cannot be negative; use 0 for never");
        }
    }

    /**
     * A view that never refreshes on its own.
     *
     * @param sections the sections, in order
     * @return the view
     */
    public static PanelView of(Section... sections) {
        return new PanelView(List.of(sections), 0);
    }
}
