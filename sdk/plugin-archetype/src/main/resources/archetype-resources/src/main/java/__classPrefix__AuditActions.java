package ${package};

import java.util.List;
import org.nre.hostapi.audit.AuditAction;
import org.nre.hostapi.audit.AuditActions;
import org.pf4j.Extension;

/** What the console's audit log calls the actions this plugin records (the codes stay beside the names). */
@Extension
public class ${classPrefix}AuditActions implements AuditActions {

    @Override
    public List<AuditAction> auditActions() {
        return List.of(new AuditAction("${pluginId}.add", "${toolName}: note added"));
    }
}
