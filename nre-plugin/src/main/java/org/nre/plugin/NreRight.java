package org.nre.plugin;

import java.util.EnumSet;
import java.util.List;
import org.nre.hostapi.rights.Level;
import org.nre.hostapi.rights.RightContribution;
import org.nre.hostapi.rights.RightDefinition;
import org.pf4j.Extension;

/** The tool rights that gate the National Records Exchange tool and its settings. */
@Extension
public class NreRight implements RightContribution {

    @Override
    public List<RightDefinition> rights() {
        return List.of(
                new RightDefinition(NreTool.RIGHT_ID, NreTool.LABEL, NreTool.PATH,
                        "R: view the registration, its status and history. "
                                + "W: accept the Terms of Service, register, refresh the status and resend the "
                                + "locality. D: deregister the district.",
                        EnumSet.of(Level.READ, Level.WRITE, Level.DELETE), NreTool.HOLDER_HINT, true)
                        .withExpectedHolders(NreTool.EXPECTED_HOLDERS),
                new RightDefinition(NreTool.SETTINGS_RIGHT_ID, NreTool.SETTINGS_LABEL, NreTool.PATH,
                        "R: view the router's address and district key. W: change them and the shared secret.",
                        EnumSet.of(Level.READ, Level.WRITE), NreTool.SETTINGS_HOLDER_HINT, true));
    }
}
