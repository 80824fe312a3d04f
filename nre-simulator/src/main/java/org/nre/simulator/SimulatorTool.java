package org.nre.simulator;

import java.util.List;

/** The names under which the vendor's side appears in a console. */
final class SimulatorTool {

    static final String PLUGIN_ID = "simulated-router";
    static final String RIGHT_ID = "simulated-router.vendor";
    static final String PANEL_ID = "simulated-router";
    static final String MENU_ID = "simulated-router";
    static final String LABEL = "Vendor's side (simulated router)";
    static final String RIGHT_LABEL = "Simulated router";
    static final String TITLE = "Simulated Router - Vendor's Side";
    /** Where the NRE plugin's entries are (its NreTool.PATH): the vendor's side sorts after them. */
    static final List<String> PATH = List.of("System Settings", "Data Interchange Administration");
    static final int MENU_ORDER = 200;
    static final String HOLDER_HINT = "Only console administrators trying the registration tool should hold this "
            + "right: it plays the vendor, deciding on the district's registration";

    private SimulatorTool() {
    }
}
