package org.nre.hostkit.render;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Supplier;
import org.nre.hostapi.panel.PanelView;

/**
 * The panel sections last rendered, as HTML (with their ETag) and as JSON, kept for the very view object they
 * were rendered from. A plugin that hands out the same view while nothing changed (as the NRE panel does)
 * costs a panel request no rendering then, nor the page's live update a hash of the sections. Measured in
 * docs/performance.md, section 2.
 */
final class RenderedPanels {

    /** How many renderings are kept: a few per signed-in user of each panel is plenty. */
    static final int KEPT = 256;

    /**
     * What a rendering depends on beyond the view: the actions the viewer may run (the buttons shown) and where
     * the forms post with what (the session's CSRF token is in every form). The view is compared by identity,
     * never by value.
     */
    private record Key(PanelView view, Set<String> actions, FormTarget form, boolean json) {
        @Override
        public boolean equals(Object other) {
            return other instanceof Key key && key.view == view && key.json == json && key.actions.equals(actions)
                    && Objects.equals(key.form, form);
        }

        @Override
        public int hashCode() {
            return 31 * (31 * System.identityHashCode(view) + actions.hashCode())
                    + Objects.hashCode(form) + (json ? 1 : 0);
        }
    }

    private final Map<Key, Object> kept = new LinkedHashMap<>(KEPT * 2, 0.75f, true) {
        private static final long serialVersionUID = 1L;

        @Override
        protected boolean removeEldestEntry(Map.Entry<Key, Object> eldest) {
            return size() > KEPT;
        }
    };

    /** The sections as HTML for this view, actions and form target, rendered when not kept. */
    RenderedSections html(PanelView view, Set<String> actions, FormTarget form, Supplier<String> render) {
        Key key = new Key(view, Set.copyOf(actions), form, false);
        synchronized (kept) {
            if (kept.get(key) instanceof RenderedSections html) {
                return html;
            }
        }
        String rendered = render.get();
        RenderedSections html = new RenderedSections(rendered, "\"" + digest(rendered) + "\"");
        synchronized (kept) {
            kept.put(key, html);
        }
        return html;
    }

    /** The panel as JSON for this view and actions, written when not kept. */
    byte[] json(PanelView view, Set<String> actions, Supplier<byte[]> write) {
        Key key = new Key(view, Set.copyOf(actions), null, true);
        synchronized (kept) {
            if (kept.get(key) instanceof byte[] bytes) {
                return bytes;
            }
        }
        byte[] written = write.get();
        synchronized (kept) {
            kept.put(key, written);
        }
        return written;
    }

    private static String digest(String text) {
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(hash, 0, 16);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
