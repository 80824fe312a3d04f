package org.nre.hostkit.render;

/**
 * A panel's sections as an escaped HTML fragment, for the console to place in its page.
 *
 * @param html the fragment
 * @param etag a strong entity tag of the fragment, for a live update's "changed since?"
 */
public record RenderedSections(String html, String etag) {
}
