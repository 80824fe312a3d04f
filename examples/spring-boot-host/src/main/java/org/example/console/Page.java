package org.example.console;

import java.util.List;
import org.nre.hostkit.menu.MenuTree;
import org.springframework.security.web.csrf.CsrfToken;
import org.springframework.web.util.HtmlUtils;

/** The page around a fragment: title, the user's menu, a message. Every text the console adds is escaped here. */
final class Page {

    private Page() {
    }

    static String html(String title, List<MenuTree.Node> menu, String message, String fragment, CsrfToken csrf) {
        StringBuilder page = new StringBuilder("<!DOCTYPE html>\n<html lang=\"en\">\n<head><meta charset=\"utf-8\">")
                .append("<title>").append(escape(title)).append(" - ").append(KitConfiguration.PRODUCT)
                .append("</title></head>\n<body>\n<nav><ul>");
        menu(page, menu);
        page.append("</ul><form method=\"post\" action=\"/logout\"><input type=\"hidden\" name=\"")
                .append(escape(csrf.getParameterName())).append("\" value=\"").append(escape(csrf.getToken()))
                .append("\"><button type=\"submit\">Sign out</button></form></nav>\n<main>\n<h1>").append(escape(title)).append("</h1>\n");
        if (!message.isEmpty()) {
            page.append("<p class=\"notice\" role=\"status\">").append(escape(message)).append("</p>\n");
        }
        // The kit rendered the fragment, escaping everything the plugin supplied.
        page.append(fragment).append("\n</main>\n</body>\n</html>\n");
        return page.toString();
    }

    static String escape(String text) {
        return HtmlUtils.htmlEscape(text);
    }

    private static void menu(StringBuilder page, List<MenuTree.Node> nodes) {
        for (MenuTree.Node node : nodes) {
            page.append("<li>");
            if (!node.isEntry()) {
                page.append(escape(node.label())).append("<ul>");
                menu(page, node.children());
                page.append("</ul>");
            } else {
                page.append("<a href=\"/panels/").append(escape(node.panelId())).append("\">")
                        .append(escape(node.label())).append("</a>");
            }
            page.append("</li>");
        }
    }
}
