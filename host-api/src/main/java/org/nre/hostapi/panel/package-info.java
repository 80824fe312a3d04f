/**
 * Settings panels: a plugin describes what a panel shows as a tree of values
 * ({@link org.nre.hostapi.panel.PanelView}, {@link org.nre.hostapi.panel.Component}) and answers
 * actions ({@link org.nre.hostapi.panel.ActionResult}); the host renders the same view as an HTML page
 * and as JSON, checks rights and CSRF tokens, and escapes every text.
 */
package org.nre.hostapi.panel;
