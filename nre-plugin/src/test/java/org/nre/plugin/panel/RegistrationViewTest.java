package org.nre.plugin.panel;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.nre.hostapi.panel.Component;
import org.nre.hostapi.panel.PanelView;
import org.nre.hostapi.panel.Section;
import org.nre.hostapi.panel.Tone;
import org.nre.plugin.registration.Registration;
import org.nre.plugin.registration.RegistrationState;

class RegistrationViewTest {

    static final ZoneId CHICAGO = ZoneId.of("America/Chicago");
    final RegistrationView view = new RegistrationView(CHICAGO);

    @Test
    void aDistrictThatNeverRegisteredIsNotRegisteredAndInactiveWithTheTermsToAccept() {
        PanelView panel = view.view(Optional.empty(), true);

        assertThat(components(panel)).contains(
                new Component.LabelledValue("Exchange Registration", "Not Registered"),
                new Component.StatusBadge("Exchange Status", "Inactive", Tone.NEUTRAL, ""),
                new Component.Checkbox(RegistrationView.ACCEPT_TERMS, "I have read and agree to the Terms of Service",
                        false),
                new Component.Button(RegistrationView.REGISTER, true));
    }

    @Test
    void aRegisteredDistrictShowsWhereFromWhoAndWhenInTheConsolesTimeZone() {
        Registration registration = new Registration("D1", RegistrationState.ACTIVE, "", "med1", "127.0.0.1", "u1",
                "Administrator, System", Instant.parse("2011-12-15T21:44:00Z"), "2011-12", "r-1", null, 3);

        List<Component> components = components(view.view(Optional.of(registration), true));

        assertThat(components).contains(
                new Component.LabelledValue("Exchange Registration", "Registered from: 127.0.0.1, Application Name: med1"),
                new Component.LabelledValue("Registered By", "Administrator, System at 12/15/2011 15:44"),
                new Component.StatusBadge("Exchange Status", "Active", Tone.SUCCESS, ""));
        assertThat(components).noneMatch(c -> c instanceof Component.Button);
    }

    @Test
    void aConsoleWithoutADistrictSaysSo() {
        assertThat(components(view.view(Optional.empty(), false)))
                .anyMatch(c -> c instanceof Component.Notice n && n.text().contains("no school district set up"));
    }

    private static List<Component> components(PanelView panel) {
        return panel.sections().stream().map(Section::components).flatMap(List::stream).toList();
    }
}
