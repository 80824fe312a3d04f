package org.nre.sample.web;

import org.nre.hostapi.panel.PanelView;

/**
 * What the panel page shows around the sections the kit rendered.
 *
 * @param page the layout's model
 * @param panelId the panel's id
 * @param title the panel's title
 * @param pluginId the plugin that contributes the panel
 * @param view the view, for its refresh interval
 */
public record PanelPage(Page page, String panelId, String title, String pluginId, PanelView view) {
}
