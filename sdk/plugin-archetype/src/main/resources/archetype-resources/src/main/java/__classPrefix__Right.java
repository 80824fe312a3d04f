package ${package};

import java.util.EnumSet;
import java.util.List;
import org.nre.hostapi.rights.Level;
import org.nre.hostapi.rights.RightContribution;
import org.nre.hostapi.rights.RightDefinition;
import org.pf4j.Extension;

/** The right ${pluginId}.notes: R to read the notes, W to write them. */
@Extension
public class ${classPrefix}Right implements RightContribution {

    static final String ID = "${pluginId}.notes";

    @Override
    public List<RightDefinition> rights() {
        return List.of(new RightDefinition(ID, "${toolName}", List.of("Tools"), "R: read the notes. W: write them.",
                EnumSet.of(Level.READ, Level.WRITE), "Staff who keep the notes", false));
    }
}
