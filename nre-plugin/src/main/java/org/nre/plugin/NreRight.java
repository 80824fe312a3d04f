package org.nre.plugin;

import java.util.EnumSet;
import java.util.List;
import org.nre.hostapi.rights.Level;
import org.nre.hostapi.rights.RightContribution;
import org.nre.hostapi.rights.RightDefinition;
import org.pf4j.Extension;

/** The tool right that gates the National Records Exchange tool. */
@Extension
public class NreRight implements RightContribution {

    @Override
    public List<RightDefinition> rights() {
        return List.of(new RightDefinition(
                NreTool.RIGHT_ID,
                NreTool.LABEL,
                NreTool.PATH,
                "R: view the registration, its status and history. "
                        + "W: accept the Terms of Service, register, refresh the status and resend the locality. "
                        + "D: deregister the district.",
                EnumSet.of(Level.READ, Level.WRITE, Level.DELETE),
                NreTool.HOLDER_HINT,
                true));
    }
}
