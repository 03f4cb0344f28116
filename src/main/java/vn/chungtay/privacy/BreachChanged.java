package vn.chungtay.privacy;

import java.util.Map;
import vn.chungtay.shared.audit.AuditedChange;

/** A step of a breach record (CREATE, AUTHORITY_NOTIFIED, PEOPLE_NOTIFIED, CLOSE). */
public record BreachChanged(
        String action, BreachId id, String unitCode, Map<String, Object> before, Map<String, Object> after)
        implements AuditedChange {

    @Override
    public String entityType() {
        return "PrivacyBreach";
    }

    @Override
    public String entityId() {
        return id.toString();
    }
}
