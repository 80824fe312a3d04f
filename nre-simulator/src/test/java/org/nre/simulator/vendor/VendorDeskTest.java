package org.nre.simulator.vendor;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.nre.hostapi.panel.ActionInput;
import org.nre.hostapi.panel.ActionResult;
import org.nre.hostapi.panel.Component;
import org.nre.hostapi.panel.FieldError;
import org.nre.hostapi.panel.PanelView;
import org.nre.hostapi.panel.Section;
import org.nre.simulator.store.Registration;
import org.nre.simulator.store.RegistrationState;
import org.nre.simulator.testing.TestHost;

class VendorDeskTest {

    // 2026-11-28T19:04:44Z is 13:04 on the 28th in Chicago: fifteen days on is 2026-12-13.
    static final LocalDate EARLIEST = LocalDate.of(2026, 12, 13);
    static final URI ROUTER = URI.create("http://127.0.0.1:40123");

    private final TestHost host = new TestHost();
    private final org.nre.simulator.store.SimulatorStore store;
    private final VendorDesk desk;

    VendorDeskTest() {
        host.context().database().migrate("db/simulator");
        store = new org.nre.simulator.store.SimulatorStore(host.context().database().dataSource(), host.clock);
        store.seed();
        desk = new VendorDesk(store, host.context().audit(), host.clock, TestHost.ZONE, ROUTER);
    }

    @AfterEach
    void close() {
        host.close();
    }

    private Registration registered() {
        return store.create(new Registration(null, "IL-0150", "Prairie Valley CUSD 150", "IL", "med1", "10.2.0.15",
                "ref-1", "jdoe", "Doe, Jane", "2026-07", RegistrationState.PENDING, "", "Chatham, Springfield",
                "62629, 62704", null, null));
    }

    private static ActionInput decisionOn(Registration registration, String reason) {
        return new ActionInput(Map.of(VendorView.REGISTRATION, registration.id(),
                VendorView.reasonField(registration.id()), reason));
    }

    private static Section sectionHeaded(PanelView view, String start) {
        return view.sections().stream().filter(s -> s.heading().startsWith(start)).findFirst().orElseThrow();
    }

    private static List<String> buttons(Section section) {
        return section.components().stream().filter(c -> c instanceof Component.Button)
                .map(c -> ((Component.Button) c).action()).toList();
    }

    @Test
    void aPendingRegistrationIsListedWithAuthorizeAndReject() {
        Registration registration = registered();

        PanelView view = desk.view();

        Section section = sectionHeaded(view, "Registration " + registration.id());
        assertThat(section.heading()).isEqualTo("Registration " + registration.id() + " of Prairie Valley CUSD 150");
        assertThat(buttons(section)).containsExactly("authorize", "reject");
        assertThat(section.components()).contains(new Component.Hidden("registration", registration.id()),
                new Component.LabelledValue("District", "Prairie Valley CUSD 150 (IL-0150, IL)"),
                new Component.LabelledValue("Registered", "11/28/2026 13:04 CST by Doe, Jane"),
                new Component.LabelledValue("Cities", "Chatham, Springfield"));
        assertThat(section.components()).anySatisfy(c -> assertThat(c).isInstanceOfSatisfying(
                Component.TextInput.class, input -> assertThat(input.name())
                        .isEqualTo("reason-" + registration.id().substring(4))));
        Component.Table table = (Component.Table) sectionHeaded(view, "Registrations received").components().get(0);
        assertThat(table.rows()).hasSize(1);
        assertThat(table.rows().get(0).get(3)).isEqualTo("PENDING");
    }

    @Test
    void theViewGivesProgramsTheTermsAndTheRegistrations() {
        Registration registration = registered();

        Map<String, Object> data = desk.view().data();

        assertThat(data).containsEntry("url", "http://127.0.0.1:40123").containsEntry("earliestEffectiveDate",
                "2026-12-13");
        assertThat(data.get("terms")).isEqualTo(Map.of("version", "2026-07", "effectiveDate", "2026-07-01",
                "digest", store.currentTerms().orElseThrow().digest(), "text", store.currentTerms().orElseThrow().text()));
        assertThat(data.get("registrations")).isEqualTo(List.of(Map.of("id", registration.id(), "districtId",
                "IL-0150", "state", "PENDING", "reason", "", "termsVersion", "2026-07", "clientReference", "ref-1")));
    }

    @Test
    void withoutRegistrationsTheTableSaysSo() {
        Component.Table table = (Component.Table) sectionHeaded(desk.view(), "Registrations received").components()
                .get(0);

        assertThat(table.rows()).isEmpty();
        assertThat(table.emptyText()).isEqualTo("No district has registered yet.");
    }

    @Test
    void authorizingMakesTheRegistrationActiveAndIsAudited() {
        Registration registration = registered();

        ActionResult result = desk.act("authorize", decisionOn(registration, ""), TestHost.VENDOR);

        assertThat(result).isInstanceOf(ActionResult.Success.class);
        assertThat(result.message()).startsWith("Played the vendor: authorized registration " + registration.id()
                + " of district IL-0150.");
        assertThat(store.find(registration.id()).orElseThrow().state()).isEqualTo(RegistrationState.ACTIVE);
        assertThat(host.audit()).containsExactly("jdoe simulator.authorize Played the vendor: authorized registration "
                + registration.id() + " of district IL-0150");
        assertThat(buttons(sectionHeaded(desk.view(), "Registration " + registration.id()))).containsExactly("suspend");
    }

    @Test
    void rejectingWithoutAReasonIsInvalidAndChangesNothing() {
        Registration registration = registered();

        ActionResult result = desk.act("reject", decisionOn(registration, "  "), TestHost.VENDOR);

        assertThat(result).isInstanceOfSatisfying(ActionResult.Invalid.class, invalid -> assertThat(invalid.errors())
                .containsExactly(new FieldError(VendorView.reasonField(registration.id()),
                        "Give the district a reason (1 to 500 characters) to reject the registration.")));
        assertThat(store.find(registration.id()).orElseThrow().state()).isEqualTo(RegistrationState.PENDING);
        assertThat(host.audit()).isEmpty();
    }

    @Test
    void rejectingWithAReasonKeepsTheReason() {
        Registration registration = registered();

        ActionResult result = desk.act("reject", decisionOn(registration, "Not a district we know"),
                TestHost.VENDOR);

        assertThat(result).isInstanceOf(ActionResult.Success.class);
        assertThat(store.find(registration.id()).orElseThrow()).satisfies(r -> {
            assertThat(r.state()).isEqualTo(RegistrationState.REJECTED);
            assertThat(r.reason()).isEqualTo("Not a district we know");
        });
        assertThat(host.audit()).singleElement().asString().endsWith("(Not a district we know)");
        assertThat(desk.view().sections()).noneMatch(s -> s.heading().startsWith("Registration "));
    }

    @Test
    void aProgramMayGiveTheReasonPlainly() {
        Registration registration = registered();

        ActionResult result = desk.act("reject", new ActionInput(Map.of("registration", registration.id(), "reason",
                "Duplicate")), TestHost.VENDOR);

        assertThat(result).isInstanceOf(ActionResult.Success.class);
        assertThat(store.find(registration.id()).orElseThrow().reason()).isEqualTo("Duplicate");
    }

    @Test
    void aDecisionTheStateDoesNotAllowIsAConflict() {
        Registration registration = registered();

        ActionResult result = desk.act("reinstate", decisionOn(registration, ""), TestHost.VENDOR);

        assertThat(result).isEqualTo(ActionResult.conflict("A registration that is PENDING cannot be reinstated."));
        assertThat(store.find(registration.id()).orElseThrow().state()).isEqualTo(RegistrationState.PENDING);
    }

    @Test
    void aDecisionOnAnUnknownRegistrationIsAConflict() {
        ActionResult result = desk.act("authorize", new ActionInput(Map.of("registration", "reg_nothing")),
                TestHost.VENDOR);

        assertThat(result).isEqualTo(ActionResult.conflict("There is no registration reg_nothing."));
    }

    @Test
    void suspendingAndReinstatingMoveAnActiveRegistrationAndBack() {
        Registration registration = registered();
        desk.act("authorize", decisionOn(registration, ""), TestHost.VENDOR);

        desk.act("suspend", decisionOn(registration, "Audit pending"), TestHost.VENDOR);
        assertThat(store.find(registration.id()).orElseThrow().state()).isEqualTo(RegistrationState.SUSPENDED);
        desk.act("reinstate", decisionOn(registration, ""), TestHost.VENDOR);

        assertThat(store.find(registration.id()).orElseThrow()).satisfies(r -> {
            assertThat(r.state()).isEqualTo(RegistrationState.ACTIVE);
            assertThat(r.reason()).isEmpty();
        });
    }

    @Test
    void termsEffectiveSoonerThanFifteenDaysAheadAreInvalid() {
        ActionResult result = desk.act(VendorDesk.PUBLISH_TERMS, new ActionInput(Map.of("version", "2027-01",
                "effective", EARLIEST.minusDays(1).toString(), "text", "New terms.")), TestHost.VENDOR);

        assertThat(result).isInstanceOfSatisfying(ActionResult.Invalid.class, invalid -> assertThat(invalid.errors())
                .containsExactly(new FieldError("effective", "New terms take effect with at least 15 days' notice: "
                        + "choose 2026-12-13 or later.")));
        assertThat(store.currentTerms().orElseThrow().version()).isEqualTo("2026-07");
    }

    @Test
    void termsWithAWrongVersionDateAndNoTextAreInvalidOnEachField() {
        ActionResult result = desk.act(VendorDesk.PUBLISH_TERMS, new ActionInput(Map.of("version", "2026-07",
                "effective", "13/12/2026", "text", " ")), TestHost.VENDOR);

        assertThat(result).isInstanceOfSatisfying(ActionResult.Invalid.class, invalid -> assertThat(invalid.errors())
                .extracting(FieldError::field).containsExactly("version", "effective", "text"));
        assertThat(host.audit()).isEmpty();
    }

    @Test
    void publishedTermsBecomeTheCurrentTerms() {
        host.clock.advance(Duration.ofHours(1));

        ActionResult result = desk.act(VendorDesk.PUBLISH_TERMS, new ActionInput(Map.of("version", "2027-01",
                "effective", EARLIEST.toString(), "text", "New terms.\r\n\r\nSecond paragraph.")), TestHost.VENDOR);

        assertThat(result).isInstanceOf(ActionResult.Success.class);
        assertThat(store.currentTerms().orElseThrow()).satisfies(terms -> {
            assertThat(terms.version()).isEqualTo("2027-01");
            assertThat(terms.effectiveDate()).isEqualTo(EARLIEST);
            assertThat(terms.text()).isEqualTo("New terms.\n\nSecond paragraph.");
        });
        assertThat(host.audit()).containsExactly("jdoe simulator.terms Played the vendor: published Terms of Service "
                + "version 2027-01, effective 2026-12-13");
        assertThat(sectionHeaded(desk.view(), "Terms of Service").components())
                .contains(new Component.LabelledValue("Current version", "2027-01"));
    }

    @Test
    void theEffectiveDateStartsAtTheEarliestAllowed() {
        Section terms = sectionHeaded(desk.view(), "Terms of Service");

        assertThat(terms.components()).anySatisfy(c -> assertThat(c).isInstanceOfSatisfying(
                Component.TextInput.class, input -> {
                    assertThat(input.name()).isEqualTo("effective");
                    assertThat(input.value()).isEqualTo("2026-12-13");
                }));
        assertThat(buttons(terms)).containsExactly(VendorDesk.PUBLISH_TERMS);
    }
}
