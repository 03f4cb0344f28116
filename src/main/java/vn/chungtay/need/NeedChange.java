package vn.chungtay.need;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import vn.chungtay.shared.audit.AuditedChange;

/**
 * Something happened to a need; published inside the transaction of the change and recorded by
 * the audit trail under the need's commune. The before/after states never hold child identity.
 */
public sealed interface NeedChange extends AuditedChange
        permits NeedCreated,
                NeedUpdated,
                NeedSubmitted,
                NeedApproved,
                NeedPublished,
                NeedFundingRecorded,
                NeedFundingWithdrawn,
                NeedDelivered,
                NeedClosed,
                NeedCancelled,
                NeedChildDetailsWithdrawn {

    NeedId needId();

    String communeCode();

    @Override
    default String entityType() {
        return "Need";
    }

    @Override
    default String entityId() {
        return needId().toString();
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
