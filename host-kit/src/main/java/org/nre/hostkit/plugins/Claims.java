package org.nre.hostkit.plugins;

import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import java.util.Set;
import org.nre.hostkit.db.Jdbc;
import org.nre.hostkit.db.StorageException;

/**
 * Which plugin owns each right, panel and menu entry id: the first plugin that contributed it, remembered in the
 * database so that the order plugins sort or load in never decides. An id whose owner is no longer installed
 * (not loaded at all, not merely disabled) passes to the next plugin that contributes it.
 */
final class Claims {

    /** What an id names. */
    enum Kind {
        RIGHT("right"), PANEL("panel"), MENU("menu entry");

        final String word;

        Kind(String word) {
            this.word = word;
        }
    }

    /** An id's owner, and since when. */
    record Claim(String pluginId, Instant since) {
    }

    private final Jdbc jdbc;
    private final Clock clock;

    Claims(Jdbc jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /**
     * The id's owner, making the plugin its owner when nobody is, or when its owner is not installed.
     *
     * @param installed the ids of every plugin loaded now, in whatever state
     */
    Claim claim(Kind kind, String id, String pluginId, Set<String> installed) {
        Optional<Claim> owner = owner(kind, id);
        if (owner.isPresent() && (owner.get().pluginId().equals(pluginId)
                || installed.contains(owner.get().pluginId()))) {
            return owner.get();
        }
        Instant now = clock.instant();
        try {
            jdbc.atomically(() -> {
                jdbc.update("DELETE FROM host_plugin_claim WHERE kind = ? AND claim_id = ?", kind.name(), id);
                return jdbc.update("INSERT INTO host_plugin_claim (kind, claim_id, plugin_id, claimed_at) "
                        + "VALUES (?, ?, ?, ?)", kind.name(), id, pluginId, now);
            });
        } catch (StorageException e) {
            // Another node claimed it at the same moment: its claim stands.
            return owner(kind, id).orElseThrow(() -> e);
        }
        return new Claim(pluginId, now);
    }

    private Optional<Claim> owner(Kind kind, String id) {
        return jdbc.one("SELECT plugin_id, claimed_at FROM host_plugin_claim WHERE kind = ? AND claim_id = ?",
                row -> new Claim(row.getString(1), Jdbc.instant(row, "claimed_at")), kind.name(), id);
    }
}
