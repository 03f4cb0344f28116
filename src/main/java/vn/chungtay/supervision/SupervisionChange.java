package vn.chungtay.supervision;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import vn.chungtay.shared.audit.AuditedChange;

/** Something happened in supervision; published inside the transaction and recorded by the audit trail. */
public sealed interface SupervisionChange extends AuditedChange
        permits PlanCreated, VisitRecorded, RecommendationIssued, FollowUpRecorded, UnitContactChanged {

    /** An unmodifiable copy that keeps null values (Map.copyOf does not). */
    static Map<String, Object> state(Map<String, Object> state) {
        return state == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(state));
    }
}
