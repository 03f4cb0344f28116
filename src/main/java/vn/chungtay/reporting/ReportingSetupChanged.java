package vn.chungtay.reporting;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import vn.chungtay.shared.audit.AuditedChange;

/**
 * The reporting set-up changed: a template, a period, an extension or a unit's e-mail address
 * ({@code entityType} ReportTemplate, ReportPeriod, ReportExtension, ReportAddress).
 */
public record ReportingSetupChanged(
        String action,
        String entityType,
        String entityId,
        String unitCode,
        Map<String, Object> before,
        Map<String, Object> after)
        implements AuditedChange {

    public ReportingSetupChanged {
        before = before == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(before));
        after = after == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(after));
    }
}
