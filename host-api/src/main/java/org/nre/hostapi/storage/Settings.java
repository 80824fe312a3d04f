package org.nre.hostapi.storage;

import java.util.Map;
import java.util.Optional;

/** A plugin's settings: short texts by name, stored by the host and shared by every console node. */
public interface Settings {

    /**
     * Looks up a setting.
     *
     * @param name the setting's name
     * @return its value, or empty when it is not set
     */
    Optional<String> get(String name);

    /**
     * Stores a setting, replacing any value it had.
     *
     * @param name the setting's name
     * @param value its new value
     */
    void put(String name, String value);

    /**
     * Removes a setting.
     *
     * @param name the setting's name
     */
    void remove(String name);

    /**
     * Every setting of the plugin.
     *
     * @return the settings by name
     */
    Map<String, String> all();
}
