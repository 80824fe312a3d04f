package org.nre.simulator.vendor;

import java.net.URI;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.nre.hostapi.panel.Component;
import org.nre.hostapi.panel.InputKind;
import org.nre.hostapi.panel.PanelView;
import org.nre.hostapi.panel.Section;
import org.nre.hostapi.panel.Tone;
import org.nre.simulator.store.Registration;
import org.nre.simulator.store.RegistrationState;
import org.nre.simulator.store.Terms;

/**
 * Builds the vendor's side: what the simulator is, a section per live registration with the decisions it allows,
 * every registration in a table, and the terms with a form for new ones.
 */
final class VendorView {

    static final String REGISTRATION = "registration";
    static final String REASON_PREFIX = "reason-";
    /** What a program posting to the console's JSON API may call the reason instead of its section's name. */
    static final String PLAIN_REASON = "reason";

    private static final String NOTICE = "This console runs a simulated National Records Exchange router on this "
            + "machine, so that the registration tool can be tried without the vendor: while this plugin runs, the NRE "
            + "plugin registers with it. Here you play the vendor's side: verify and authorize registrations, reject "
            + "or suspend them with a reason, reinstate them, and publish new Terms of Service. To use the real "
            + "vendor, remove this plugin's zip (nre-simulator) from the console's plugins folder and set the router "
            + "in the NRE plugin's settings.";

    private final DateTimeFormatter shown;
    private final URI routerUrl;

    VendorView(ZoneId zone, URI routerUrl) {
        this.shown = DateTimeFormatter.ofPattern("MM/dd/yyyy HH:mm zzz", Locale.US).withZone(zone);
        this.routerUrl = routerUrl;
    }

    /**
     * The name of a registration's reason input: unique per section, since the page gives each input the id
     * {@code f-<name>}, and an identifier as the host requires.
     */
    static String reasonField(String registrationId) {
        String bare = registrationId.startsWith("reg_") ? registrationId.substring(4) : registrationId;
        String cleaned = bare.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]", "");
        cleaned = cleaned.length() > 50 ? cleaned.substring(0, 50) : cleaned;
        return REASON_PREFIX + (cleaned.isEmpty() ? "none" : cleaned);
    }

    PanelView view(Optional<Terms> terms, List<Registration> registrations, LocalDate earliest) {
        List<Section> sections = new ArrayList<>();
        sections.add(Section.of("", new Component.Notice(Tone.INFO, NOTICE),
                new Component.LabelledValue("Simulated router", routerUrl.toString())));
        registrations.stream().filter(r -> r.state().live()).map(this::liveSection).forEach(sections::add);
        sections.add(table(registrations));
        sections.add(termsSection(terms, earliest));
        return new PanelView(sections, 0, data(terms, registrations, earliest));
    }

    private Section liveSection(Registration r) {
        List<Component> components = new ArrayList<>();
        components.add(new Component.StatusBadge("State", r.state().name(), tone(r.state()), ""));
        components.add(new Component.LabelledValue("District", district(r)));
        components.add(new Component.LabelledValue("Registered", when(r.createdAt()) + " by " + r.registeredBy()));
        components.add(new Component.LabelledValue("From", r.sourceAddress() + ", application "
                + r.applicationName()));
        components.add(new Component.LabelledValue("Terms version accepted", r.termsVersion()));
        components.add(new Component.LabelledValue("Cities", noneIfEmpty(r.cities())));
        components.add(new Component.LabelledValue("ZIP codes", noneIfEmpty(r.postalCodes())));
        if (!r.reason().isEmpty()) {
            components.add(new Component.LabelledValue("Reason", r.reason()));
        }
        components.add(new Component.Hidden(REGISTRATION, r.id()));
        List<Decision> decisions = Decision.allowedFrom(r.state());
        decisions.stream().filter(d -> d.needsReason).findFirst().ifPresent(d -> components.add(
                new Component.TextInput(reasonField(r.id()), "Reason to " + d.action(), "", InputKind.TEXT,
                        "Required to " + d.action() + ": 1 to " + Decisions.MAX_REASON
                                + " characters, which the district sees.")));
        for (Decision decision : decisions) {
            components.add(new Component.Button(decision.action(), !decision.needsReason));
        }
        return new Section("Registration " + r.id() + " of " + r.districtName(), components);
    }

    private Section table(List<Registration> registrations) {
        List<List<String>> rows = registrations.stream().map(r -> List.of(r.id(), district(r),
                when(r.createdAt()) + " by " + r.registeredBy(), r.state().name(), r.reason())).toList();
        return Section.of("Registrations received", new Component.Table("Registrations, newest first",
                List.of("Registration", "District", "Registered", "State", "Reason"), rows,
                "No district has registered yet."));
    }

    private static Section termsSection(Optional<Terms> terms, LocalDate earliest) {
        List<Component> components = new ArrayList<>();
        if (terms.isPresent()) {
            components.add(new Component.LabelledValue("Current version", terms.get().version()));
            components.add(new Component.LabelledValue("Effective", terms.get().effectiveDate().toString()));
        } else {
            components.add(new Component.Paragraph("No terms are published yet."));
        }
        components.add(new Component.TextInput(TermsPublishing.VERSION, "New version", "", InputKind.TEXT,
                "1 to 64 letters, digits, '.', '_' or '-', such as 2027-01."));
        components.add(new Component.TextInput(TermsPublishing.EFFECTIVE, "Effective date", earliest.toString(),
                InputKind.TEXT, "YYYY-MM-DD, " + earliest + " or later: fifteen days' notice."));
        components.add(new Component.TextInput(TermsPublishing.TEXT, "Text", "", InputKind.MULTILINE,
                "The whole text; blank lines separate paragraphs."));
        components.add(new Component.Button(VendorDesk.PUBLISH_TERMS, true));
        return new Section("Terms of Service", components);
    }

    private Map<String, Object> data(Optional<Terms> terms, List<Registration> registrations, LocalDate earliest) {
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("url", routerUrl.toString());
        terms.ifPresent(t -> data.put("terms", Map.of("version", t.version(), "effectiveDate",
                t.effectiveDate().toString(), "digest", t.digest(), "text", t.text())));
        data.put("earliestEffectiveDate", earliest.toString());
        data.put("registrations", registrations.stream().map(r -> {
            Map<String, Object> entry = new LinkedHashMap<>();
            entry.put("id", r.id());
            entry.put("districtId", r.districtId());
            entry.put("state", r.state().name());
            entry.put("reason", r.reason());
            entry.put("termsVersion", r.termsVersion());
            entry.put("clientReference", r.clientReference());
            return entry;
        }).toList());
        return data;
    }

    private static String district(Registration r) {
        return r.districtName() + " (" + r.districtId() + ", " + r.stateCode() + ")";
    }

    private String when(Instant instant) {
        return shown.format(instant);
    }

    private static String noneIfEmpty(String text) {
        return text.isBlank() ? "None" : text;
    }

    private static Tone tone(RegistrationState state) {
        return switch (state) {
            case ACTIVE -> Tone.SUCCESS;
            case PENDING -> Tone.WARNING;
            case SUSPENDED, REJECTED -> Tone.DANGER;
            case DEREGISTERED -> Tone.NEUTRAL;
        };
    }
}
