package org.nre.plugin;

import java.util.List;

/** The names under which the tool appears in a console. */
final class NreTool {

    static final String RIGHT_ID = "nre.registration";
    static final String PANEL_ID = "nre";
    static final String MENU_ID = "nre";
    static final String LABEL = "National Records Exchange";
    static final List<String> PATH = List.of("System Settings", "Data Interchange Administration");
    static final String HOLDER_HINT = "Only the district system administrator and their backup should hold this right";

    private NreTool() {
    }
}
