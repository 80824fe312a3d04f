package org.nre.hostapi.audit;

import org.nre.hostapi.Fields;

/**
 * An audit action's code as a plugin writes it, and its name in words as the audit log shows it.
 *
 * @param code the action as recorded, such as {@code nre.register}
 * @param label what an administrator reads, such as "Registered with the exchange"
 */
public record AuditAction(String code, String label) {

    /** Checks that both fields have text. */
    public AuditAction {
        code = Fields.requireText(code, "code");
        label = Fields.requireText(label, "label");
    }
}
