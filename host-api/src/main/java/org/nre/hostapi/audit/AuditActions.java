package org.nre.hostapi.audit;

import java.util.List;
import org.pf4j.ExtensionPoint;

/**
 * Extension point: the names in words of the audit actions a plugin records, so that the audit log shows
 * "Registered with the exchange" rather than {@code nre.register}. A code without a name is shown as a readable
 * form of the code itself.
 */
public interface AuditActions extends ExtensionPoint {

    /**
     * The plugin's audit actions; the host reads them once when the plugin starts and uses them for the
     * plugin's own entries only.
     *
     * @return each code the plugin records, with its name
     */
    List<AuditAction> auditActions();
}
