package org.nre.hostapi.exchange;

import org.pf4j.ExtensionPoint;

/**
 * Extension point: a plugin that registers the district with a records exchange offers the registration's
 * status to other plugins. Find it with {@link org.nre.hostapi.Extensions#find(Class)}.
 */
public interface RecordsExchange extends ExtensionPoint {

    /**
     * The district's exchange status now, from the offering plugin's own records (no remote call).
     *
     * @return the status
     */
    ExchangeStatus status();
}
