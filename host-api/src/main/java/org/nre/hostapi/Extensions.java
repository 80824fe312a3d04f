package org.nre.hostapi;

import java.util.List;
import org.pf4j.ExtensionPoint;

/**
 * What started plugins offer each other through the host API's extension points, such as
 * {@link org.nre.hostapi.exchange.RecordsExchange}. The host calls into the offering plugin on the caller's
 * behalf: a failure there reaches the caller as a {@link HostApiException}, never as the other plugin's own
 * exception.
 */
public interface Extensions {

    /**
     * The extensions of a type that started plugins offer, in a stable order.
     *
     * @param <T> the extension point
     * @param type the extension point, an interface of the host API
     * @return the extensions, empty when no started plugin offers one
     */
    <T extends ExtensionPoint> List<T> find(Class<T> type);
}
