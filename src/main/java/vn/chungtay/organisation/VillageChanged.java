package vn.chungtay.organisation;

import java.util.Map;
import vn.chungtay.shared.audit.AuditedChange;

/**
 * A village was created, renamed, reclassified or retired by an officer. Published inside the
 * transaction that changed it; the audit trail records it under the village's commune.
 */
public record VillageChanged(
        String action, String villageCode, String communeCode, Map<String, Object> before, Map<String, Object> after)
        implements AuditedChange {

    public VillageChanged {
        before = before == null ? Map.of() : Map.copyOf(before);
        after = after == null ? Map.of() : Map.copyOf(after);
    }

    @Override
    public String entityType() {
        return "OrgUnit";
    }

    @Override
    public String entityId() {
        return villageCode;
    }

    @Override
    public String unitCode() {
        return communeCode;
    }
}
