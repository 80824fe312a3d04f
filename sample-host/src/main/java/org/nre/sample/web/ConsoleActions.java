package org.nre.sample.web;

import java.util.List;
import org.nre.hostapi.audit.AuditAction;

/** The audit actions the console records itself, in words; the kit adds its own and each plugin names its own. */
final class ConsoleActions {

    static final List<AuditAction> ALL = List.of(
            new AuditAction("signin", "Signed in"),
            new AuditAction("signin.failed", "Sign-in failed"),
            new AuditAction("signin.throttled", "Sign-in refused (too many failures)"),
            new AuditAction("signin.busy", "Sign-in refused (console busy)"),
            new AuditAction("signout", "Signed out"),
            new AuditAction("password.changed", "Own password changed"),
            new AuditAction("password.refused", "Own password not changed"),
            new AuditAction("user.created", "User created"),
            new AuditAction("user.changed", "User changed"),
            new AuditAction("user.password-reset", "Temporary password set"),
            new AuditAction("group.created", "Group created"),
            new AuditAction("group.changed", "Group changed"),
            new AuditAction("group.deleted", "Group deleted"),
            new AuditAction("rights.changed", "Tool rights changed"),
            new AuditAction("plugin.enable", "Plugin enabled"),
            new AuditAction("plugin.disable", "Plugin disabled"),
            new AuditAction("plugin.reload", "Plugin reloaded"),
            new AuditAction("refused", "Request refused"),
            new AuditAction("demo.seeded", "Demo district seeded"));

    private ConsoleActions() {
    }
}
