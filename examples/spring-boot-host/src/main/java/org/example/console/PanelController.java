package org.example.console;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.nre.hostapi.panel.ActionInput;
import org.nre.hostapi.panel.ActionResult;
import org.nre.hostapi.panel.FieldError;
import org.nre.hostapi.panel.Tone;
import org.nre.hostapi.user.ActingUser;
import org.nre.hostkit.HostKit;
import org.nre.hostkit.menu.MenuTree;
import org.nre.hostkit.panel.Panels;
import org.nre.hostkit.render.FormTarget;
import org.nre.hostkit.render.JsonMapping;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.security.web.csrf.CsrfToken;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The console's routes onto the kit: the menu, each panel as a page and as JSON, and its actions. Spring Security
 * has already signed the user in and checked the CSRF token of every POST; the kit checks the rights.
 */
@RestController
public class PanelController {

    private static final String FLASH = "console.flash";
    private static final String CONFIRMED = "_confirmed";

    private final HostKit kit;
    private final ConsoleProperties properties;
    // One mapper for every request: building one is slow.
    private final ObjectMapper json = JsonMapping.mapper();

    public PanelController(HostKit kit, ConsoleProperties properties) {
        this.kit = kit;
        this.properties = properties;
    }

    @GetMapping("/")
    public ResponseEntity<String> home(Authentication auth, HttpServletRequest request) {
        return html(HttpStatus.OK, Page.html("Home", menu(user(auth, request)), takeFlash(request), "", csrf(request)));
    }

    @GetMapping("/api/menu")
    public ResponseEntity<byte[]> menuJson(Authentication auth, HttpServletRequest request) throws Exception {
        return json(HttpStatus.OK, json.writeValueAsBytes(menu(user(auth, request))));
    }

    @GetMapping("/panels/{panelId}")
    public ResponseEntity<String> panel(@PathVariable String panelId, Authentication auth,
                                        HttpServletRequest request) {
        return shown(panelId, user(auth, request), request, HttpStatus.OK, null, takeFlash(request), Map.of(),
                Map.of());
    }

    @GetMapping("/api/panels/{panelId}")
    public ResponseEntity<byte[]> panelJson(@PathVariable String panelId, Authentication auth,
                                            HttpServletRequest request) {
        Panels.ViewOutcome outcome = kit.panels().view(panelId, user(auth, request));
        if (outcome instanceof Panels.Shown shown) {
            return json(HttpStatus.OK, kit.json().of(shown));
        }
        return json(status(outcome), ("{\"detail\":" + quoted(message(outcome)) + "}").getBytes());
    }

    @PostMapping("/panels/{panelId}/actions/{action}")
    public ResponseEntity<String> act(@PathVariable String panelId, @PathVariable String action, Authentication auth,
                                      HttpServletRequest request) {
        ActingUser user = user(auth, request);
        Map<String, String> input = new LinkedHashMap<>();
        request.getParameterMap().forEach((name, values) -> {
            if (!name.startsWith("_") && values.length > 0) {
                input.put(name, values[0]);
            }
        });
        boolean confirmed = "yes".equals(request.getParameter(CONFIRMED));
        Panels.ActOutcome outcome = kit.panels().act(panelId, action, new ActionInput(input), user, confirmed);
        if (outcome instanceof Panels.Done done) {
            ActionResult result = done.result();
            if (result instanceof ActionResult.Success) {
                request.getSession().setAttribute(FLASH, result.message());
                return ResponseEntity.status(HttpStatus.SEE_OTHER).header(HttpHeaders.LOCATION, "/panels/" + panelId)
                        .build();
            }
            Map<String, String> errors = new LinkedHashMap<>();
            if (result instanceof ActionResult.Invalid invalid) {
                for (FieldError error : invalid.errors()) {
                    errors.putIfAbsent(error.field(), error.message());
                }
            }
            HttpStatus status = result instanceof ActionResult.Invalid ? HttpStatus.UNPROCESSABLE_CONTENT
                    : result instanceof ActionResult.Conflict ? HttpStatus.CONFLICT : HttpStatus.SERVICE_UNAVAILABLE;
            Tone tone = result instanceof ActionResult.Conflict ? Tone.WARNING : Tone.DANGER;
            // Refused for its input: what was typed is shown again, so that one wrong field loses nothing else.
            return shown(panelId, user, request, status, tone, result.message(), errors,
                    result instanceof ActionResult.Invalid ? input : Map.of());
        }
        if (outcome instanceof Panels.NeedsConfirmation needs) {
            return html(HttpStatus.OK, Page.html(needs.action().label(), menu(user), "",
                    confirmation(request, panelId, action, needs, input), csrf(request)));
        }
        return refused(user, request, (Object) outcome);
    }

    private ResponseEntity<String> shown(String panelId, ActingUser user, HttpServletRequest request,
                                         HttpStatus status, Tone tone, String message, Map<String, String> errors,
                                         Map<String, String> typed) {
        Panels.ViewOutcome outcome = kit.panels().view(panelId, user);
        if (!(outcome instanceof Panels.Shown shown)) {
            return refused(user, request, outcome);
        }
        FormTarget form = form(request, panelId);
        String sections = tone == null ? kit.html().sections(shown, form).html()
                : kit.html().sections(shown, form, tone, message, errors, typed);
        return html(status, Page.html(shown.panel().definition().title(), menu(user), tone == null ? message : "",
                sections, csrf(request)));
    }

    private String confirmation(HttpServletRequest request, String panelId, String action,
                                Panels.NeedsConfirmation needs, Map<String, String> input) {
        CsrfToken csrf = csrf(request);
        StringBuilder form = new StringBuilder("<p>").append(Page.escape(needs.action().confirmation()))
                .append("</p>\n<form method=\"post\" action=\"/panels/").append(Page.escape(panelId))
                .append("/actions/").append(Page.escape(action)).append("\">")
                .append(hidden(csrf.getParameterName(), csrf.getToken())).append(hidden(CONFIRMED, "yes"));
        input.forEach((name, value) -> form.append(hidden(name, value)));
        return form.append("<button type=\"submit\">").append(Page.escape(needs.action().label()))
                .append("</button> <a href=\"/panels/").append(Page.escape(panelId)).append("\">Cancel</a></form>")
                .toString();
    }

    private static String hidden(String name, String value) {
        return "<input type=\"hidden\" name=\"" + Page.escape(name) + "\" value=\"" + Page.escape(value) + "\">";
    }

    private ResponseEntity<String> refused(ActingUser user, HttpServletRequest request, Object outcome) {
        String title = outcome instanceof Panels.Forbidden ? "Not allowed"
                : outcome instanceof Panels.NotFound ? "Not found" : "The tool failed";
        return html(status(outcome), Page.html(title, menu(user), message(outcome), "", csrf(request)));
    }

    private static HttpStatus status(Object outcome) {
        if (outcome instanceof Panels.NotFound) {
            return HttpStatus.NOT_FOUND;
        }
        return outcome instanceof Panels.Forbidden ? HttpStatus.FORBIDDEN : HttpStatus.INTERNAL_SERVER_ERROR;
    }

    private static String message(Object outcome) {
        if (outcome instanceof Panels.NotFound notFound) {
            return "There is no panel or action '" + notFound.panelId() + "'.";
        } else if (outcome instanceof Panels.Forbidden forbidden) {
            return forbidden.message() + " Ask a console administrator if you need it.";
        } else if (outcome instanceof Panels.Failed failed) {
            return failed.message();
        }
        return "";
    }

    /** The signed-in user as plugins see them, with their effective rights now. */
    private ActingUser user(Authentication auth, HttpServletRequest request) {
        String login = auth.getName();
        String name = Optional.ofNullable(properties.users().get(login)).map(ConsoleProperties.User::name)
                .orElse(login);
        return new ActingUser(login, name, request.getRemoteAddr(),
                kit.rightsCache().of(login, kit.rights().generation()));
    }

    private List<MenuTree.Node> menu(ActingUser user) {
        return MenuTree.forUser(kit.plugins().contributions(), user.rights());
    }

    private static FormTarget form(HttpServletRequest request, String panelId) {
        CsrfToken csrf = csrf(request);
        return new FormTarget("/panels/" + panelId + "/actions/", Map.of(csrf.getParameterName(), csrf.getToken()));
    }

    private static CsrfToken csrf(HttpServletRequest request) {
        return (CsrfToken) request.getAttribute(CsrfToken.class.getName());
    }

    private static String takeFlash(HttpServletRequest request) {
        HttpSession session = request.getSession(false);
        if (session == null || !(session.getAttribute(FLASH) instanceof String message)) {
            return "";
        }
        session.removeAttribute(FLASH);
        return message;
    }

    private String quoted(String text) {
        try {
            return json.writeValueAsString(text);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static ResponseEntity<String> html(HttpStatus status, String body) {
        return ResponseEntity.status(status).contentType(new MediaType(MediaType.TEXT_HTML, StandardCharsets.UTF_8))
                .body(body);
    }

    private static ResponseEntity<byte[]> json(HttpStatus status, byte[] body) {
        return ResponseEntity.status(status).contentType(MediaType.APPLICATION_JSON).body(body);
    }
}
