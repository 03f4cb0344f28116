package vn.chungtay.reporting;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import vn.chungtay.shared.audit.AuditedChange;

/** Something happened to a report; published in the transaction of the change, audited under the report's unit. */
public sealed interface ReportChange extends AuditedChange
        permits ReportOpened, ReportEdited, ReportSubmitted, ReportReturned, ReportAccepted, ReportReopened {

    ReportId reportId();

    @Override
    default String entityType() {
        return "Report";
    }

    @Override
    default String entityId() {
        return reportId().toString();
    }

    /** An unmodifiable copy that keeps null values. */
    static Map<String, Object> state(Map<String, Object> state) {
        return state == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(state));
    }
}
