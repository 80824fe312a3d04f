package org.nre.api.router;

import java.util.Optional;
import org.pf4j.ExtensionPoint;

/**
 * Extension point: another plugin provides the router the NRE plugin registers with, in place of the router
 * in the NRE plugin's own settings. The simulated router does, so that the tool can be tried without the
 * vendor. While a started plugin provides one, the NRE plugin uses it and its settings panel says so; with
 * none, the NRE plugin uses its own settings.
 */
public interface RouterProvider extends ExtensionPoint {

    /**
     * The router to use now.
     *
     * @return the router, or empty while the providing plugin cannot offer one (it is starting, say)
     */
    Optional<ProvidedRouter> router();
}
