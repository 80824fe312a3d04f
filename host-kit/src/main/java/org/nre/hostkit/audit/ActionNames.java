package org.nre.hostkit.audit;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.nre.hostapi.audit.AuditAction;
import org.nre.hostkit.plugins.Contributions;

/**
 * The audit actions in words: the console's own from its table (with the kit's), each plugin's from what it
 * names ({@link org.nre.hostapi.audit.AuditActions}), and any other code in a readable form of itself. A plugin's
 * names apply to its own entries only, so that no plugin can rename what the console records.
 */
public final class ActionNames {

    /** The actions the kit records itself, under the console's source. */
    public static final List<AuditAction> KIT = List.of(
            new AuditAction("panel.action", "Panel action run"),
            new AuditAction("panel.denied", "Panel action refused (no right)"));

    /** A code some source records, with its name and the source's name, for a choice of actions. */
    public record Known(String source, String sourceName, String code, String label) {
    }

    private final Map<String, String> console;
    private final Contributions contributions;

    /**
     * The names of one moment's contributions.
     *
     * @param console the console's own actions (the kit's are added)
     * @param contributions what the started plugins contribute
     */
    public ActionNames(List<AuditAction> console, Contributions contributions) {
        Map<String, String> names = new LinkedHashMap<>();
        KIT.forEach(action -> names.put(action.code(), action.label()));
        console.forEach(action -> names.put(action.code(), action.label()));
        this.console = Map.copyOf(names);
        this.contributions = contributions;
    }

    /** The name in words of an action as its source recorded it. */
    public String label(String source, String code) {
        String named = AuditStore.HOST_SOURCE.equals(source) ? console.get(code)
                : contributions.auditActions().getOrDefault(source, List.of()).stream()
                        .filter(action -> action.code().equals(code)).map(AuditAction::label).findFirst()
                        .orElse(null);
        return named != null ? named : readable(code);
    }

    /** Who recorded an entry, in words: the console, or the plugin by its first menu entry's label. */
    public String sourceName(String source) {
        if (AuditStore.HOST_SOURCE.equals(source)) {
            return "Console";
        }
        return contributions.menuEntries().stream().filter(menu -> menu.pluginId().equals(source))
                .min(Comparator.comparingInt(menu -> menu.entry().order())).map(menu -> menu.entry().label())
                .orElse(source);
    }

    /** Every named action, the console's first, then each plugin's, each by name. */
    public List<Known> known() {
        List<Known> known = new ArrayList<>();
        console.entrySet().stream().sorted(Map.Entry.comparingByValue()).forEach(action -> known.add(new Known(
                AuditStore.HOST_SOURCE, sourceName(AuditStore.HOST_SOURCE), action.getKey(), action.getValue())));
        contributions.auditActions().entrySet().stream().sorted(Map.Entry.comparingByKey()).forEach(plugin ->
                plugin.getValue().stream().sorted(Comparator.comparing(AuditAction::label)).forEach(action ->
                        known.add(new Known(plugin.getKey(), sourceName(plugin.getKey()), action.code(),
                                action.label()))));
        return known;
    }

    /** A code in words, for one nobody named: {@code nre.settings.test} reads "Nre settings test". */
    public static String readable(String code) {
        String words = code == null ? "" : code.replaceAll("[._\\-]+", " ").strip();
        if (words.isEmpty()) {
            return "(no action)";
        }
        return words.substring(0, 1).toUpperCase(Locale.ROOT) + words.substring(1);
    }
}
