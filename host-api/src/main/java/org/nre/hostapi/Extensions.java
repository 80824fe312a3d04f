package org.nre.hostapi;

import java.util.List;
import org.pf4j.ExtensionPoint;

/**
 * What started plugins offer each other: extension points a plugin exports in its own API (the NRE plugin's
 * {@code RecordsExchange}, say) and the host API's own. A plugin that looks up another plugin's extension point
 * names that plugin in its {@code Plugin-Dependencies}, so that it sees the same interface. The host calls into
 * the offering plugin on the caller's
 * behalf: a failure there reaches the caller as a {@link HostApiException}, never as the other plugin's own
 * exception.
 */
public interface Extensions {

    /**
     * The extensions of a type that started plugins offer, in a stable order.
     *
     * @param <T> the extension point
     * @param type the extension point: an interface that extends {@link ExtensionPoint}
     * @return the extensions, empty when no started plugin offers one
     */
    <T extends ExtensionPoint> List<T> find(Class<T> type);
}
