package org.nre.plugin.panel;

import com.github.difflib.DiffUtils;
import com.github.difflib.patch.AbstractDelta;
import com.github.difflib.patch.Patch;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/** What changed between two versions of the Terms of Service, paragraph by paragraph. */
final class TermsDiff {

    /**
     * One change.
     *
     * @param kind "Added", "Removed", "Now reads" or "Used to read"
     * @param text the paragraph
     */
    record Change(String kind, String text) {
    }

    private TermsDiff() {
    }

    static List<Change> between(String accepted, String current) {
        Patch<String> patch = DiffUtils.diff(paragraphs(accepted), paragraphs(current));
        List<Change> changes = new ArrayList<>();
        for (AbstractDelta<String> delta : patch.getDeltas()) {
            switch (delta.getType()) {
                case INSERT -> delta.getTarget().getLines().forEach(p -> changes.add(new Change("Added", p)));
                case DELETE -> delta.getSource().getLines().forEach(p -> changes.add(new Change("Removed", p)));
                case CHANGE -> {
                    // Paragraphs replaced one for one read as rewordings; what is left over was added or removed.
                    List<String> was = delta.getSource().getLines();
                    List<String> now = delta.getTarget().getLines();
                    for (int i = 0; i < Math.max(was.size(), now.size()); i++) {
                        if (i < was.size() && i < now.size()) {
                            changes.add(new Change("Used to read", was.get(i)));
                            changes.add(new Change("Now reads", now.get(i)));
                        } else if (i < now.size()) {
                            changes.add(new Change("Added", now.get(i)));
                        } else {
                            changes.add(new Change("Removed", was.get(i)));
                        }
                    }
                }
                default -> {
                }
            }
        }
        return changes;
    }

    /** Blank lines separate paragraphs; a paragraph's own line breaks and spacing do not count as changes. */
    static List<String> paragraphs(String text) {
        return Arrays.stream(text.split("\\R\\s*\\R")).map(p -> p.strip().replaceAll("\\s+", " "))
                .filter(p -> !p.isEmpty()).toList();
    }
}
