package vn.chungtay.commendation;

import java.util.Map;
import vn.chungtay.shared.audit.AuditedChange;

/**
 * Something changed in the commendation work, for the audit trail: a rule saved, a proposal
 * generated or submitted, a candidate excluded, included, described, approved or rejected.
 * {@code action} names the step (CREATE, UPDATE, SUBMIT, EXCLUDE, INCLUDE, APPROVE, REJECT).
 */
public record CommendationChanged(
        String action,
        String entityType,
        String entityId,
        String unitCode,
        Map<String, Object> before,
        Map<String, Object> after)
        implements AuditedChange {

    public CommendationChanged {
        before = before == null ? Map.of() : Map.copyOf(before);
        after = after == null ? Map.of() : Map.copyOf(after);
    }
}
