package org.example.hello;

import java.util.List;
import org.nre.hostapi.audit.AuditAction;
import org.nre.hostapi.audit.AuditActions;
import org.pf4j.Extension;

/** What the console's audit log calls the greetings this plugin records. */
@Extension
public class HelloAuditActions implements AuditActions {

    @Override
    public List<AuditAction> auditActions() {
        return List.of(new AuditAction("hello.send", "Greeting sent"));
    }
}
