package org.nre.testkit.notes;

import java.util.EnumSet;
import java.util.List;
import org.nre.hostapi.rights.Level;
import org.nre.hostapi.rights.RightContribution;
import org.nre.hostapi.rights.RightDefinition;
import org.pf4j.Extension;

@Extension
public class NotesRight implements RightContribution {

    @Override
    public List<RightDefinition> rights() {
        return List.of(new RightDefinition("notes.use", "Notes", List.of("Tools"), "R: read. W: write. D: clear.",
                EnumSet.of(Level.READ, Level.WRITE, Level.DELETE), "", false));
    }
}
