package org.nre.plugin;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.nre.hostapi.audit.AuditOutcome;
import org.nre.hostapi.panel.ActionInput;
import org.nre.hostapi.panel.ActionResult;
import org.nre.hostapi.panel.FieldError;
import org.nre.hostapi.panel.PanelAction;
import org.nre.hostapi.panel.PanelDefinition;
import org.nre.hostapi.panel.PanelRequest;
import org.nre.hostapi.panel.PanelView;
import org.nre.hostapi.panel.SettingsPanel;
import org.nre.hostapi.rights.Level;
import org.nre.plugin.panel.SettingsView;
import org.nre.plugin.router.RouterClient;
import org.nre.plugin.router.RouterResult;
import org.nre.plugin.router.RouterTerms;
import org.nre.plugin.settings.NreSettings;
import org.pf4j.Extension;

/**
 * The panel "National Records Exchange - Router Settings": router URL, district key, shared secret, poll
 * interval, and a test of the saved connection.
 */
@Extension
public class NreSettingsPanel implements SettingsPanel {

    static final String TITLE = "National Records Exchange - Router Settings";

    private static final PanelDefinition DEFINITION = new PanelDefinition(NreTool.SETTINGS_PANEL_ID, TITLE,
            NreTool.SETTINGS_RIGHT_ID, List.of(PanelAction.of(SettingsView.SAVE, "Save settings", Level.WRITE),
                    PanelAction.of(SettingsView.TEST, "Test connection", Level.WRITE)));

    private final NrePlugin plugin;

    /**
     * Created by the host for the started plugin.
     *
     * @param plugin the plugin, whose settings the panel edits
     */
    public NreSettingsPanel(NrePlugin plugin) {
        this.plugin = plugin;
    }

    @Override
    public PanelDefinition definition() {
        return DEFINITION;
    }

    @Override
    public PanelView view(PanelRequest request) {
        return SettingsView.view(plugin.parts().settings());
    }

    @Override
    public ActionResult act(String action, ActionInput input, PanelRequest request) {
        if (SettingsView.TEST.equals(action)) {
            return testConnection(request);
        }
        if (!SettingsView.SAVE.equals(action)) {
            return ActionResult.conflict("The panel has no action '" + action + "'.");
        }
        NreSettings settings = plugin.parts().settings();
        NreSettings.Change change = new NreSettings.Change(input.text(NreSettings.ROUTER_URL).orElse(""),
                input.text(NreSettings.DISTRICT_KEY).orElse(""),
                input.values().getOrDefault(NreSettings.SHARED_SECRET, ""),
                input.text(NreSettings.POLL_INTERVAL).orElse(""));
        List<FieldError> problems = settings.problems(change);
        if (!problems.isEmpty()) {
            return new ActionResult.Invalid("The settings were not saved: correct the fields marked.", problems);
        }
        List<String> changed = new ArrayList<>();
        if (!change.routerUrl().strip().equals(settings.routerUrl())) {
            changed.add("router URL");
        }
        if (!change.districtKey().strip().equals(settings.districtKey())) {
            changed.add("district key");
        }
        if (!change.sharedSecret().isEmpty()) {
            changed.add("shared secret");
        }
        settings.save(change);
        plugin.context().audit().record(request.user(), "nre.settings", changed.isEmpty()
                ? "Saved the National Records Exchange settings unchanged"
                : "Changed the National Records Exchange " + String.join(", ", changed));
        return ActionResult.success("Saved the National Records Exchange settings.");
    }

    /** One signed call for the current terms with the saved settings: reachability and signature, no district data. */
    private ActionResult testConnection(PanelRequest request) {
        NrePlugin.Parts parts = plugin.parts();
        Optional<RouterClient> client = parts.router().client();
        if (client.isEmpty()) {
            return ActionResult.conflict("The router is not configured yet: save the router URL, the district key "
                    + "and the shared secret, then test the connection.");
        }
        String where = parts.settings().router().map(router -> router.baseUrl().getHost()).orElse("?");
        long started = System.nanoTime();
        RouterResult<RouterTerms> result = client.get().probe();
        long millis = Duration.ofNanos(System.nanoTime() - started).toMillis();
        String said;
        ActionResult outcome;
        if (result instanceof RouterResult.Ok<RouterTerms> ok) {
            said = "the router at " + where + " answered in " + millis + " ms and accepted the signature";
            outcome = ActionResult.success("The router at " + where + " answered in " + millis + " ms and accepted "
                    + "the console's signature (current Terms of Service: version " + ok.value().version()
                    + "). Nothing about the district was sent.");
        } else {
            said = result.message();
            outcome = new ActionResult.Unavailable("The connection test failed: " + result.message());
        }
        plugin.context().audit().record(request.user(), "nre.settings.test", result instanceof RouterResult.Ok<?>
                ? AuditOutcome.SUCCESS : AuditOutcome.FAILED, "Tested the connection to the router: " + said);
        return outcome;
    }
}
