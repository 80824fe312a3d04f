package org.nre.hostkit.render;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.nre.hostapi.panel.Component;
import org.nre.hostapi.panel.InputKind;
import org.nre.hostapi.panel.PanelView;
import org.nre.hostapi.panel.Section;

/** What the template asks the fragment: element ids that never repeat, and what a refused action's user typed. */
class PanelFragmentTest {

    static final Component.Button DECIDE = new Component.Button("authorize", true);
    static final Component.TextInput TEXT = new Component.TextInput("text", "Text", "stored", InputKind.MULTILINE, "");

    @Test
    void aButtonWhoseActionStandsInSeveralSectionsIsNamedAfterItsSectionToo() {
        PanelView view = new PanelView(List.of(Section.of("One", DECIDE), Section.of("Two", DECIDE),
                Section.of("Three", new Component.Button("publish", false))), 0);
        PanelFragment fragment = fragment(view, Map.of());

        assertThat(fragment.buttonId(DECIDE, 0)).isEqualTo("authorize-0");
        assertThat(fragment.buttonId(DECIDE, 1)).isEqualTo("authorize-1");
        assertThat(fragment.buttonId(new Component.Button("publish", false), 2)).isEqualTo("publish");
    }

    @Test
    void aTextInputShowsWhatTheUserTypedWhenTheirActionWasRefusedAndOtherwiseTheViewsValue() {
        PanelView view = new PanelView(List.of(Section.of("Terms", TEXT, DECIDE)), 0);

        assertThat(fragment(view, Map.of("text", "typed\nover two lines")).value(TEXT)).isEqualTo("typed\nover two lines");
        assertThat(fragment(view, Map.of("other", "x")).value(TEXT)).isEqualTo("stored");
        assertThat(fragment(view, Map.of()).value(TEXT)).isEqualTo("stored");
    }

    private static PanelFragment fragment(PanelView view, Map<String, String> typed) {
        return new PanelFragment("simulated-router", view, Map.of(), "", "", Map.of(), typed,
                new FormTarget("/panels/simulated-router/actions/", Map.of("_csrf", "t")));
    }
}
