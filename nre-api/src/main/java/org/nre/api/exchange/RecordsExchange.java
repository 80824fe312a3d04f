package org.nre.api.exchange;

import org.pf4j.ExtensionPoint;

/**
 * Extension point: the NRE plugin offers the district's registration status to other plugins. Find it with
 * {@link org.nre.hostapi.Extensions#find(Class)}; a plugin that does names {@code nre} in its
 * {@code Plugin-Dependencies}.
 */
public interface RecordsExchange extends ExtensionPoint {

    /**
     * The district's exchange status now, from the offering plugin's own records (no remote call).
     *
     * @return the status
     */
    ExchangeStatus status();
}
