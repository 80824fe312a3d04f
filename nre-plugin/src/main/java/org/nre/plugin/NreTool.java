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

    /** The system administrator and their backup. */
    static final int EXPECTED_HOLDERS = 2;

    static final String SETTINGS_RIGHT_ID = "nre.settings";
    static final String SETTINGS_PANEL_ID = "nre-settings";
    static final String SETTINGS_MENU_ID = "nre-settings";
    static final String SETTINGS_LABEL = "National Records Exchange Settings";
    static final String SETTINGS_HOLDER_HINT = "Only console administrators should hold this right: it sets the "
            + "router's address and the district's shared secret";

    private NreTool() {
    }
}
