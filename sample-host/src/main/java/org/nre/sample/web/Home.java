package org.nre.sample.web;

import java.util.ArrayList;
import java.util.List;
import org.nre.hostkit.menu.MenuTree;
import org.nre.hostkit.plugins.Contributions;
import org.nre.hostkit.plugins.PluginStatus;
import org.nre.sample.directory.Account;
import org.nre.sample.rights.ToolRights;

/**
 * What the home page shows: the viewer's tools, and what needs their attention.
 *
 * @param page the layout's model
 * @param tools each tool the viewer can open
 * @param attention what needs the viewer's attention, most urgent first
 */
public record Home(Page page, List<Tool> tools, List<Attention> attention) {

    /** At most this many users still to choose a password are named. */
    static final int NAMED_USERS = 10;

    public Home {
        tools = List.copyOf(tools);
        attention = List.copyOf(attention);
    }

    /**
     * A tool the viewer can open.
     *
     * @param label its menu label
     * @param place where it stands in the menu, such as "System Settings > Data Interchange Administration"
     * @param href its page
     * @param description what its right says it is for, or empty
     */
    public record Tool(String label, String place, String href, String description) {
    }

    /**
     * Something to look at.
     *
     * @param tone how urgent: danger or warning
     * @param text what it is
     * @param href where to deal with it
     * @param link the link's text
     */
    public record Attention(String tone, String text, String href, String link) {
    }

    static List<Tool> tools(List<MenuTree.Node> menu, Contributions contributions) {
        List<Tool> tools = new ArrayList<>();
        collect(menu, "", contributions, tools);
        return tools;
    }

    private static void collect(List<MenuTree.Node> nodes, String place, Contributions contributions,
                                List<Tool> tools) {
        for (MenuTree.Node node : nodes) {
            if (node.isEntry()) {
                String description = contributions.panel(node.panelId())
                        .map(panel -> contributions.rights().get(panel.definition().rightId()))
                        .map(right -> right.definition().description()).orElse("");
                tools.add(new Tool(node.label(), place, "/panels/" + node.panelId(), description));
            } else {
                collect(node.children(), place.isEmpty() ? node.label() : place + " > " + node.label(), contributions,
                        tools);
            }
        }
    }

    /** What a console administrator should look at: plugins not running, rights held too widely, new passwords. */
    static List<Attention> forAdministrator(List<PluginStatus> plugins, List<ToolRights.Summary> rights,
                                            List<Account> users) {
        List<Attention> attention = new ArrayList<>();
        for (PluginStatus plugin : plugins) {
            if (plugin.state().equals("DISABLED")) {
                attention.add(new Attention("warning", "The plugin " + plugin.id() + " is disabled: its tools are "
                        + "not in the menu.", "/admin/plugins", "Plugins"));
            } else if (!plugin.started() || !plugin.problems().isEmpty()) {
                attention.add(new Attention("danger", "The plugin " + plugin.id() + " is " + plugin.state()
                        + (plugin.problems().isEmpty() ? "." : ": " + plugin.problems().get(0)), "/admin/plugins",
                        "Plugins"));
            }
        }
        for (ToolRights.Summary right : rights) {
            for (String warning : right.warnings()) {
                attention.add(new Attention("warning", right.definition().label() + ": " + warning,
                        "/admin/rights/" + right.definition().id(), "Tool rights"));
            }
        }
        for (Account user : users) {
            if (user.mustChangePassword() && !user.disabled()) {
                attention.add(new Attention("warning", user.displayName() + " (" + user.login() + ") has not yet "
                        + "chosen a password: they sign in with the temporary one they were given.",
                        "/admin/users/" + user.id(), "Their account"));
            }
        }
        return attention;
    }

    /** Notices' e-mails that could not be sent: the latest, and how many were given up. */
    static List<Attention> mailProblems(List<org.nre.hostkit.notice.DeliveryProblem> latest,
                                        org.nre.hostkit.notice.MailStatus status) {
        if (latest.isEmpty()) {
            return List.of();
        }
        var problem = latest.get(0);
        return List.of(new Attention("danger", "A notice's e-mail to " + problem.address() + " could not be sent ("
                + problem.attempts() + (problem.attempts() == 1 ? " try" : " tries") + "): " + problem.lastError()
                + (status.givenUp() > 0 ? " " + status.givenUp() + " e-mails were given up." : ""), "/notices#mail",
                "E-mail of notices"));
    }
}
