package org.nre.simulator;

import java.util.List;
import org.nre.hostapi.audit.AuditAction;
import org.nre.hostapi.audit.AuditActions;
import org.pf4j.Extension;

/** The audit actions the simulated vendor records, as the console's audit log names them. */
@Extension
public class SimulatorAuditActions implements AuditActions {

    @Override
    public List<AuditAction> auditActions() {
        return List.of(
                new AuditAction("simulator.authorize", "Simulated vendor authorized a district"),
                new AuditAction("simulator.reject", "Simulated vendor rejected a district"),
                new AuditAction("simulator.suspend", "Simulated vendor suspended a district"),
                new AuditAction("simulator.reinstate", "Simulated vendor reinstated a district"),
                new AuditAction("simulator.terms", "Simulated vendor published terms"));
    }
}
