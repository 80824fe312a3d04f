package org.example.conformance.consumer;

import java.util.EnumSet;
import java.util.List;
import org.nre.hostapi.rights.Level;
import org.nre.hostapi.rights.RightContribution;
import org.nre.hostapi.rights.RightDefinition;
import org.pf4j.Extension;

/** A right of the consumer's own, so that it adds something to the host. */
@Extension
public class ConsumerRights implements RightContribution {

    @Override
    public List<RightDefinition> rights() {
        return List.of(new RightDefinition("conformance-consumer.use", "Conformance consumer", List.of("Conformance"),
                "", EnumSet.of(Level.READ), "", false));
    }
}
