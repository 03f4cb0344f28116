package vn.chungtay.child;

import java.util.Map;
import vn.chungtay.shared.audit.AuditedChange;

/**
 * Something happened to a child record: CREATE, UPDATE, READ, READ_DENIED, CONSENT, WITHDRAW,
 * ERASE, IMPORT, EXPORT. Recorded by the audit trail under the child's commune. The maps carry
 * field names, counts and reasons, never a name or a birth date (supervisors read the trail).
 */
public record ChildChanged(
        String action, String entityId, String unitCode, Map<String, Object> before, Map<String, Object> after)
        implements AuditedChange {

    public ChildChanged {
        before = before == null ? Map.of() : Map.copyOf(before);
        after = after == null ? Map.of() : Map.copyOf(after);
    }

    @Override
    public String entityType() {
        return "Child";
    }
}
