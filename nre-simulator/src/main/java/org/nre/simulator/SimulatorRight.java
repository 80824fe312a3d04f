package org.nre.simulator;

import java.util.EnumSet;
import java.util.List;
import org.nre.hostapi.rights.Level;
import org.nre.hostapi.rights.RightContribution;
import org.nre.hostapi.rights.RightDefinition;
import org.pf4j.Extension;

/** The tool right that guards the vendor's side. */
@Extension
public class SimulatorRight implements RightContribution {

    @Override
    public List<RightDefinition> rights() {
        return List.of(new RightDefinition(SimulatorTool.RIGHT_ID, SimulatorTool.RIGHT_LABEL, SimulatorTool.PATH,
                "R: view the registrations the simulated router received and its Terms of Service. "
                        + "W: authorize, reject, suspend and reinstate registrations, and publish new Terms of "
                        + "Service.",
                EnumSet.of(Level.READ, Level.WRITE), SimulatorTool.HOLDER_HINT, true));
    }
}
