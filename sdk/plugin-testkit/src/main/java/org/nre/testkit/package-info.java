/**
 * Runs a plugin in its own tests without a console: {@link org.nre.testkit.PluginHarness} gives the plugin a
 * context over a real database, {@link org.nre.testkit.TestClock} is the time, {@link org.nre.testkit.PanelDriver}
 * views and acts on a panel as a {@link org.nre.testkit.TestUsers user} with given rights.
 */
package org.nre.testkit;
