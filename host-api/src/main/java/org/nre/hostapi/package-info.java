/**
 * The contract between a console (the host) and its PF4J plugins.
 *
 * <p>A plugin contributes menu entries ({@link org.nre.hostapi.menu.MenuContribution}), tool rights
 * ({@link org.nre.hostapi.rights.RightContribution}) and settings panels
 * ({@link org.nre.hostapi.panel.SettingsPanel}); all three are data the host renders, so escaping,
 * CSRF protection and permission checks live in the host. Host services reach a plugin through one
 * immutable {@link org.nre.hostapi.PluginContext}.
 */
package org.nre.hostapi;
