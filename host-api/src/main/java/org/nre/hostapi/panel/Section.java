package org.nre.hostapi.panel;

import java.util.List;
import org.nre.hostapi.Fields;

/**
 * A titled group of components. A section is submitted as a whole: pressing one of its buttons sends
 * the values of every input in the same section.
 *
 * @param heading the section's heading, or empty for none
 * @param components what the section shows, in order
 */
public record Section(String heading, List<Component> components) {

    /** Checks and copies the fields. */
    public Section {
        heading = Fields.orEmpty(heading);
        components = Fields.copyOf(components, "components");
    }

    /**
     * A section with a heading.
     *
     * @param heading the heading, or empty for none
     * @param components what it shows, in order
     * @return the section
     */
    public static Section of(String heading, Component... components) {
        return new Section(heading, List.of(components));
    }
}
