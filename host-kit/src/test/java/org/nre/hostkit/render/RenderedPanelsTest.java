package org.nre.hostkit.render;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.nre.hostapi.panel.Component;
import org.nre.hostapi.panel.PanelView;
import org.nre.hostapi.panel.Section;

/** Renderings are reused for the very view object, actions and session they were made for, and for nothing else. */
class RenderedPanelsTest {

    final RenderedPanels rendered = new RenderedPanels();
    final AtomicInteger renders = new AtomicInteger();

    @Test
    void theSameViewObjectForTheSameActionsAndSessionIsRenderedOnce() {
        PanelView view = view("Active");

        RenderedSections first = rendered.html(view, Set.of("refresh"), form("csrf-1"), this::render);
        RenderedSections again = rendered.html(view, Set.of("refresh"), form("csrf-1"), this::render);

        assertThat(again).isSameAs(first);
        assertThat(renders).hasValue(1);
        assertThat(first.etag()).matches("\"[0-9a-f]{32}\"");
    }

    @Test
    void anEqualButOtherViewAnotherSessionOrOtherActionsAreRenderedAgain() {
        PanelView view = view("Active");

        rendered.html(view, Set.of("refresh"), form("csrf-1"), this::render);
        rendered.html(view("Active"), Set.of("refresh"), form("csrf-1"), this::render);
        rendered.html(view, Set.of("refresh"), form("csrf-2"), this::render);
        rendered.html(view, Set.of("refresh", "deregister"), form("csrf-1"), this::render);
        rendered.json(view, Set.of("refresh"), () -> new byte[] {1});

        assertThat(renders).as("a view is kept by identity, never by value").hasValue(4);
    }

    @Test
    void onlyTheNewestRenderingsAreKept() {
        PanelView oldest = view("Pending");
        rendered.html(oldest, Set.of(), form("csrf"), this::render);
        for (int i = 0; i < RenderedPanels.KEPT; i++) {
            rendered.html(view("Active " + i), Set.of(), form("csrf"), this::render);
        }

        rendered.html(oldest, Set.of(), form("csrf"), this::render);

        assertThat(renders).hasValue(RenderedPanels.KEPT + 2);
    }

    private static FormTarget form(String csrf) {
        return new FormTarget("/panels/nre/actions/", java.util.Map.of("_csrf", csrf));
    }

    private String render() {
        return "<p>rendering " + renders.incrementAndGet() + "</p>";
    }

    private static PanelView view(String status) {
        return new PanelView(List.of(Section.of("Status", new Component.LabelledValue("Exchange Status", status))), 5);
    }
}
