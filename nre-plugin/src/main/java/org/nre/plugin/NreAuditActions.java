package org.nre.plugin;

import java.util.List;
import org.nre.hostapi.audit.AuditAction;
import org.nre.hostapi.audit.AuditActions;
import org.pf4j.Extension;

/** The audit actions the registration tool records, as the console's audit log names them. */
@Extension
public class NreAuditActions implements AuditActions {

    @Override
    public List<AuditAction> auditActions() {
        return List.of(
                new AuditAction("nre.register", "Registration sent to the exchange"),
                new AuditAction("nre.accept-terms", "Exchange terms accepted"),
                new AuditAction("nre.deregister", "Deregistered from the exchange"),
                new AuditAction("nre.locality", "District locality sent to the exchange"),
                new AuditAction("nre.state", "Exchange registration state changed"),
                new AuditAction("nre.settings", "Exchange settings saved"),
                new AuditAction("nre.settings.test", "Exchange connection tested"));
    }
}
