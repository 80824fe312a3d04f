package org.nre.hostapi.rights;

import java.util.List;
import org.pf4j.ExtensionPoint;

/** Extension point: the tool rights a plugin defines. */
public interface RightContribution extends ExtensionPoint {

    /**
     * The rights this plugin defines; the host reads them once when the plugin starts.
     *
     * @return the rights, each with an id unique across all plugins
     */
    List<RightDefinition> rights();
}
