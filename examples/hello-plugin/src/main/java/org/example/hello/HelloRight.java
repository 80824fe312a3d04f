package org.example.hello;

import java.util.EnumSet;
import java.util.List;
import org.nre.hostapi.rights.Level;
import org.nre.hostapi.rights.RightContribution;
import org.nre.hostapi.rights.RightDefinition;
import org.pf4j.Extension;

/** The right hello.greetings: R to see greetings, W to send them and change the settings. */
@Extension
public class HelloRight implements RightContribution {

    @Override
    public List<RightDefinition> rights() {
        return List.of(new RightDefinition("hello.greetings", "Hello", List.of("Tools"),
                "R: see the greetings. W: send greetings and change the greeting and the token. "
                        + "D: delete every greeting sent.",
                EnumSet.of(Level.READ, Level.WRITE, Level.DELETE), "Anyone may hold this right", false));
    }
}
