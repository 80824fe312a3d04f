package org.nre.plugin.panel;

import java.util.ArrayList;
import java.util.List;
import org.nre.hostapi.panel.Component;
import org.nre.hostapi.panel.Section;
import org.nre.hostapi.user.ActingUser;
import org.nre.plugin.registration.HistoryEntry;
import org.nre.plugin.registration.Registration;
import org.nre.plugin.registration.Words;

/** The district's earlier registrations and the history of everything done, both kept for good. */
final class RecordSections {

    private final Words words;

    RecordSections(Words words) {
        this.words = words;
    }

    Section past(List<Registration> past) {
        List<List<String>> rows = new ArrayList<>();
        for (Registration r : past) {
            rows.add(List.of(words.time(r.registeredAt()), r.registeredByName(), Words.sentence(Words.describe(r.state()))
                    + (r.stateReason().isBlank() ? "" : " " + Words.sentence(r.stateReason())),
                    words.time(r.updatedAt()), r.routerRegistrationId()));
        }
        return new Section("Earlier registrations", List.of(new Component.Table("Registrations the district made before",
                List.of("Registered at", "Registered by", "Outcome", "Since", "Vendor's reference"), rows, "")));
    }

    Section history(List<HistoryEntry> history) {
        List<List<String>> rows = new ArrayList<>();
        for (HistoryEntry entry : history) {
            boolean console = ActingUser.system().id().equals(entry.actorId());
            rows.add(List.of(words.time(entry.at()), console ? "The console, on its own" : entry.actorName(),
                    ActingUser.LOCAL_ADDRESS.equals(entry.remoteAddress()) ? "This console" : entry.remoteAddress(),
                    entry.detail()));
        }
        return new Section("History", List.of(new Component.Table("Who did what, when, from where",
                List.of("When", "Who", "From", "What"), rows, "Nothing has happened yet.")));
    }
}
