package org.nre.conformance;

import java.util.Map;
import java.util.Optional;
import org.nre.hostapi.user.ActingUser;

/**
 * One running node of the host under test, as the kit sees it: what the host knows of each plugin, and its panels
 * as a signed-in user would reach them. Each method answers from the host's own records, as its pages would.
 */
public interface HostNode extends AutoCloseable {

    /**
     * The plugin's PF4J state.
     *
     * @param pluginId the plugin's id
     * @return a state name such as STARTED, FAILED or DISABLED; empty when the host never loaded the plugin
     */
    Optional<String> pluginState(String pluginId);

    /**
     * Everything the host reports against the plugin, as its plugins page shows it.
     *
     * @param pluginId the plugin's id
     * @return the problems joined into one text; empty when there are none
     */
    String problems(String pluginId);

    /**
     * Which plugin the host took a right from.
     *
     * @param rightId the right's id
     * @return the id of the plugin whose right of that id the host uses; empty when it uses none
     */
    Optional<String> rightOwner(String rightId);

    /**
     * Which plugin the host took a panel from.
     *
     * @param panelId the panel's id
     * @return the id of the plugin whose panel of that id the host shows; empty when it shows none
     */
    Optional<String> panelOwner(String panelId);

    /**
     * Asks for a panel as the user, who holds exactly the rights of {@link ActingUser#rights()}.
     *
     * @param panelId the panel's id
     * @param user who asks
     * @return what the host answered
     */
    PanelOutcome view(String panelId, ActingUser user);

    /**
     * Runs a panel's action as the user, confirmed when the action asks for a confirmation.
     *
     * @param panelId the panel's id
     * @param action the action's name
     * @param values the submitted values by input name
     * @param user who asks, holding exactly the rights of {@link ActingUser#rights()}
     * @return what the host answered
     */
    PanelOutcome act(String panelId, String action, Map<String, String> values, ActingUser user);

    /** Stops the node and its plugins; a failure to stop is thrown unchecked. */
    @Override
    void close();
}
