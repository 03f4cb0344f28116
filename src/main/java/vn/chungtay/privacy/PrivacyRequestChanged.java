package vn.chungtay.privacy;

import java.util.Map;
import vn.chungtay.shared.audit.AuditedChange;

/**
 * A step of a data-subject request (RECEIVE, READ, START, EXPORT, DONE, REFUSE). The audit keeps
 * the status and kind, never the requester's name nor the child's.
 */
public record PrivacyRequestChanged(
        String action, RequestId id, String unitCode, Map<String, Object> before, Map<String, Object> after)
        implements AuditedChange {

    @Override
    public String entityType() {
        return "PrivacyRequest";
    }

    @Override
    public String entityId() {
        return id.toString();
    }
}
