package org.nre.hostkit.menu;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.nre.hostapi.rights.RightSet;
import org.nre.hostkit.plugins.Contributions;

/** Builds the menu a user sees from the contributed entries, leaving out entries the user may not read. */
public final class MenuTree {

    /**
     * A folder or an entry of the menu.
     *
     * @param label the text shown
     * @param panelId the panel an entry opens, or empty for a folder
     * @param children a folder's folders and entries, in display order
     */
    public record Node(String label, String panelId, int order, List<Node> children) {

        public Node {
            children = List.copyOf(children);
        }

        public boolean isEntry() {
            return !panelId.isEmpty();
        }
    }

    private MenuTree() {
    }

    /** The top-level folders the user can see; a folder with nothing visible in it is left out. */
    public static List<Node> forUser(Contributions contributions, RightSet rights) {
        Folder root = new Folder("");
        for (Contributions.Menu menu : contributions.menuEntries()) {
            if (!rights.allows(menu.entry().required())) {
                continue;
            }
            Folder folder = root;
            for (String name : menu.entry().path()) {
                folder = folder.folders.computeIfAbsent(name, Folder::new);
            }
            folder.entries.add(new Node(menu.entry().label(), menu.entry().panelId(), menu.entry().order(), List.of()));
        }
        return root.toNode().children();
    }

    private static final class Folder {
        private final String name;
        private final Map<String, Folder> folders = new LinkedHashMap<>();
        private final List<Node> entries = new ArrayList<>();

        Folder(String name) {
            this.name = name;
        }

        Node toNode() {
            List<Node> children = new ArrayList<>();
            folders.values().stream().map(Folder::toNode)
                    .sorted(Comparator.comparing(Node::label, String.CASE_INSENSITIVE_ORDER))
                    .forEach(children::add);
            entries.stream()
                    .sorted(Comparator.comparingInt(Node::order).thenComparing(Node::label, String.CASE_INSENSITIVE_ORDER))
                    .forEach(children::add);
            return new Node(name, "", 0, children);
        }
    }
}
