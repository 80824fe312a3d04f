package org.nre.sample.web;

import com.fasterxml.jackson.databind.ObjectMapper;

/** The console administrators' area: users, groups, the tool-rights matrix, the audit log and the plugins. */
final class AdminRoutes {

    private final Services services;
    private final Pages pages;
    private final ObjectMapper json;

    AdminRoutes(Services services, Pages pages, ObjectMapper json) {
        this.services = services;
        this.pages = pages;
        this.json = json;
    }

    void register(Routes routes) {
        new UserRoutes(services, pages, json).register(routes);
        new GroupRoutes(services, pages, json).register(routes);
        new RightsRoutes(services, pages, json).register(routes);
        new AuditRoutes(services, pages).register(routes);
        new PluginRoutes(services, pages).register(routes);
    }
}
