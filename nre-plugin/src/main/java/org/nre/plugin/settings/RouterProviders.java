package org.nre.plugin.settings;

import java.util.Optional;
import org.nre.api.router.ProvidedRouter;
import org.nre.api.router.RouterProvider;
import org.nre.hostapi.Extensions;
import org.nre.hostapi.HostApiException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The router other started plugins provide: the first that offers one, in the host's stable order. */
public final class RouterProviders {

    private static final Logger LOG = LoggerFactory.getLogger(RouterProviders.class);

    private RouterProviders() {
    }

    /**
     * Asks every started plugin that provides a router; one that fails to answer is passed over.
     *
     * @param extensions what started plugins offer
     * @return the first router offered, or empty
     */
    public static Optional<ProvidedRouter> first(Extensions extensions) {
        for (RouterProvider provider : extensions.find(RouterProvider.class)) {
            try {
                Optional<ProvidedRouter> router = provider.router();
                if (router != null && router.isPresent()) {
                    return router;
                }
            } catch (HostApiException e) {
                LOG.warn("A plugin that provides the router failed to answer; using the next one or the settings: {}",
                        e.getMessage());
            }
        }
        return Optional.empty();
    }
}
