package org.nre.plugin.panel;

import java.util.ArrayList;
import java.util.List;
import org.nre.hostapi.panel.Component;
import org.nre.hostapi.panel.InputKind;
import org.nre.hostapi.panel.PanelView;
import org.nre.hostapi.panel.Section;
import org.nre.hostapi.panel.Tone;
import org.nre.plugin.settings.NreSettings;

/** Builds the panel "National Records Exchange - Router Settings". The shared secret is never shown. */
public final class SettingsView {

    public static final String SAVE = "save";
    public static final String TEST = "test";

    private SettingsView() {
    }

    public static PanelView view(NreSettings settings) {
        Section section = new Section("Router Settings", List.of(
                new Component.Paragraph("The vendor issues the router's address, the district key and the shared "
                        + "secret. The secret signs every request to the router and is never shown again once saved. "
                        + "Test connection checks the saved settings with one signed request that carries nothing "
                        + "about the district."),
                new Component.TextInput(NreSettings.ROUTER_URL, "Router URL", settings.routerUrl(), InputKind.URL,
                        "https, such as https://router.nre.example (plain http only for a router on this machine, "
                                + "given by its IP address: http://127.0.0.1:8090)."),
                new Component.TextInput(NreSettings.DISTRICT_KEY, "District key", settings.districtKey(),
                        InputKind.TEXT, "As the vendor issued it."),
                new Component.SecretInput(NreSettings.SHARED_SECRET, "Shared secret", settings.secretSet(),
                        settings.secretSet() ? "Leave empty to keep the stored secret, unless you change the router "
                                + "URL: a new address needs the secret again." : "16 to 200 characters."),
                new Component.TextInput(NreSettings.POLL_INTERVAL, "Status check interval (seconds)",
                        String.valueOf(settings.pollInterval().toSeconds()), InputKind.NUMBER,
                        "How often the console asks the router for the registration's status and the current Terms "
                                + "of Service, from "
                                + NreSettings.MIN_POLL_SECONDS + " to " + NreSettings.MAX_POLL_SECONDS + "."),
                new Component.Button(SAVE, true),
                new Component.Button(TEST, false, settings.configured() ? ""
                        : "Save the router URL, the district key and the shared secret first.")));
        List<Section> sections = new ArrayList<>();
        settings.allowedNetworksProblem().ifPresent(problem -> sections.add(Section.of("",
                new Component.Notice(Tone.DANGER, problem))));
        settings.unreachableAfterProblem().ifPresent(problem -> sections.add(Section.of("",
                new Component.Notice(Tone.DANGER, problem))));
        settings.provided().ifPresent(router -> sections.add(Section.of("", new Component.Notice(Tone.INFO,
                "The router is provided by the plugin " + router.name() + " at " + router.url() + " (district key "
                        + router.districtKey() + "): registering and status checks use it in place of the settings "
                        + "below while that plugin runs. Disable or remove that plugin to use the router "
                        + "saved here."))));
        if (settings.router().isEmpty()) {
            sections.add(Section.of("", new Component.Notice(Tone.WARNING, "The router is not configured yet: "
                    + "registering needs all three of the router URL, the district key and the shared secret.")));
        }
        sections.add(section);
        return PanelView.of(sections.toArray(Section[]::new));
    }
}
