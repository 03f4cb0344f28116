package vn.chungtay.outreach;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import vn.chungtay.shared.audit.AuditedChange;

/**
 * Something happened to an outreach activity; published inside the transaction of the change and
 * recorded by the audit trail under the activity's commune.
 */
public sealed interface OutreachChange extends AuditedChange
        permits ActivityRecorded, ActivityCorrected, ActivityDeleted, PhotoAdded, PhotoRemoved {

    ActivityId activityId();

    String communeCode();

    @Override
    default String entityType() {
        return "OutreachActivity";
    }

    @Override
    default String entityId() {
        return activityId().toString();
    }

    @Override
    default String unitCode() {
        return communeCode();
    }

    /** An unmodifiable copy that keeps null values (Map.copyOf does not). */
    static Map<String, Object> state(Map<String, Object> state) {
        return state == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(state));
    }
}
